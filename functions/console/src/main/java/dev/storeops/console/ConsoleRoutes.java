package dev.storeops.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.Problem;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the staff console:
 * <ul>
 *   <li>{@code GET /console}, {@code GET /console/} (and any path that is not a file: the console routes
 *       by #hash) → the HTML shell with the sign-in settings injected, {@code Cache-Control: no-cache};</li>
 *   <li>{@code GET /console/assets/…} → a content-hashed file, cached for a year ({@code immutable}),
 *       brotli or gzip as the browser accepts; an unknown file is a 404.</li>
 * </ul>
 * Every answer carries a Content-Security-Policy: scripts and styles from the console itself only, API
 * calls to this origin and the Cognito domain.
 */
final class ConsoleRoutes {
  static final String LONG_CACHE = "public, max-age=31536000, immutable";
  static final String NO_CACHE = "no-cache";
  private static final String CONFIG_META = "<meta name=\"storeops-config\" content=\"{}\"";

  private ConsoleRoutes() {}

  static Router router(ConsoleAssets assets, ConsoleSettings settings) {
    String shell = shell(assets, settings);
    String csp = csp(settings);
    return new Router()
        .on("GET /console", request -> shellResponse(request, shell, csp))
        .on("GET /console/{proxy+}", request -> {
          String path = afterConsole(request.rawPath());
          if (path.isEmpty() || path.equals("index.html") || !path.contains(".")) {
            return shellResponse(request, shell, csp);
          }
          ConsoleAssets.Asset asset = assets.get(path).orElseThrow(() -> new ApiException(Problem.of(404,
              "not-found", "Not found", "The console has no file " + path + ".")));
          Map<String, String> h = headers(csp, contentType(path), path.startsWith("assets/") ? LONG_CACHE : NO_CACHE);
          h.put("Vary", "Accept-Encoding");
          String accepted = request.header("accept-encoding").orElse("").toLowerCase(Locale.ROOT);
          byte[] body = asset.raw();
          if (asset.brotli() != null && accepts(accepted, "br")) {
            h.put("Content-Encoding", "br");
            body = asset.brotli();
          } else if (asset.gzip() != null && accepts(accepted, "gzip")) {
            h.put("Content-Encoding", "gzip");
            body = asset.gzip();
          }
          return response(200, h, body, true);
        });
  }

  /** The part of the raw path after {@code /console/} ("" for the console itself). */
  static String afterConsole(String rawPath) {
    int i = rawPath.indexOf("/console");
    String rest = i < 0 ? "" : rawPath.substring(i + "/console".length());
    return rest.startsWith("/") ? rest.substring(1) : rest;
  }

  /**
   * The shell, with a {@code <base href>} of the console's own path (stage prefix or custom domain
   * included) so its relative asset URLs resolve whether the address ends in a slash or not.
   */
  private static APIGatewayV2HTTPResponse shellResponse(HttpRequest request, String shell, String csp) {
    String raw = request.rawPath();
    int i = raw.indexOf("/console");
    String base = (i < 0 ? "" : raw.substring(0, i)) + "/console/";
    String html = shell.replace("<head>", "<head><base href=\"" + attribute(base) + "\">");
    return response(200, headers(csp, "text/html; charset=utf-8", NO_CACHE), html.getBytes(StandardCharsets.UTF_8), false);
  }

  private static String attribute(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** index.html with the settings in its storeops-config meta tag (attribute-escaped JSON). */
  static String shell(ConsoleAssets assets, ConsoleSettings settings) {
    String html = new String(assets.get("index.html").orElseThrow(
        () -> new IllegalStateException("the console build has no index.html")).raw(), StandardCharsets.UTF_8);
    if (!html.contains(CONFIG_META)) {
      throw new IllegalStateException("index.html has no " + CONFIG_META + " tag");
    }
    if (!html.contains("<head>")) {
      throw new IllegalStateException("index.html has no <head>");
    }
    return html.replace(CONFIG_META, "<meta name=\"storeops-config\" content=\"" + attribute(Json.write(settings.forBrowser())) + "\"");
  }

  static String csp(ConsoleSettings settings) {
    String cognito = settings.signIn().equals("cognito") && !settings.cognitoDomain().isEmpty()
        ? " " + settings.cognitoDomain() : "";
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'" + cognito + (settings.uploadOrigins().isBlank() ? "" : " " + settings.uploadOrigins())
        + "; form-action 'self'" + cognito
        + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
  }

  private static boolean accepts(String acceptEncoding, String coding) {
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.strip().split(";");
      if (p[0].strip().equals(coding)) {
        return !(p.length > 1 && p[1].strip().replace(" ", "").matches("q=0(\\.0*)?"));
      }
    }
    return false;
  }

  private static Map<String, String> headers(String csp, String contentType, String cacheControl) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    h.put("Cache-Control", cacheControl);
    h.put("Content-Security-Policy", csp);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    return h;
  }

  static String contentType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json", "map" -> "application/json; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  private static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, byte[] body, boolean binary) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8))
        .withIsBase64Encoded(binary)
        .build();
  }
}
