package dev.storeops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.http.Problem;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API on a loopback port: matches a request to a route of template.yaml, checks the JWT
 * authorizer where the route has one, builds a real-shaped API Gateway v2 (payload 2.0) event and
 * invokes the function in this JVM, then maps its response back. Also serves local mode's own
 * {@code /_local/...} endpoints.
 */
public final class HttpGateway implements AutoCloseable {
  /** Lambda's synchronous invocation payload limit. */
  static final int MAX_PAYLOAD = 6 * 1024 * 1024;
  private static final Log LOG = Log.get(HttpGateway.class);
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Local mode's own endpoints under {@code /_local/}. */
  public interface LocalEndpoints {
    /** Answers {@code method /_local/rest}; empty for unknown paths. Returns status and JSON body. */
    Optional<Map.Entry<Integer, Object>> handle(String method, String rest, Map<String, String> query);
  }

  private final RouteMatcher<LocalFunction> routes;
  private final StaffTokens tokens;
  private final LocalEndpoints local;
  private final String stage;
  private final Map<String, Cors> corsByRoute;
  private final Cors documentsCors;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ApiDocs apiDocs = ApiDocs.fromClasspath();
  private static final String CORS = "storeops.cors";

  /** One HTTP API's CORS configuration (its CorsConfiguration merged over Globals.HttpApi's). */
  public record Cors(List<String> origins, List<String> headers, List<String> methods) {
    static final Cors NONE = new Cors(List.of(), List.of(), List.of());
  }

  /**
   * @param corsByRoute the CORS of each route's own API, by route key ({@code GET /staff/orders}): several
   *     HTTP APIs share this one port, each route answers as its API does on AWS
   * @param documentsCors the CORS of {@code /openapi.json} and {@code /docs}
   */
  public HttpGateway(int port, RouteMatcher<LocalFunction> routes, StaffTokens tokens, String stage,
      Map<String, Cors> corsByRoute, Cors documentsCors, LocalEndpoints local) throws IOException {
    this.routes = routes;
    this.tokens = tokens;
    this.stage = stage;
    this.corsByRoute = Map.copyOf(corsByRoute);
    this.documentsCors = documentsCors;
    this.local = local;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      if (rawPath.startsWith("/_local/")) {
        var answer = local.handle(method, rawPath.substring("/_local/".length()), queryParameters(rawQuery));
        if (answer.isPresent()) {
          send(exchange, answer.get().getKey(), "application/json", Json.write(answer.get().getValue()).getBytes(StandardCharsets.UTF_8));
        } else {
          problem(exchange, 404, "not-found", "Not Found", "No local-mode endpoint " + method + " " + rawPath + ".");
        }
        return;
      }
      if ((method.equals("GET") || method.equals("HEAD")) && !routes.pathExists(rawPath)) {
        Optional<ApiDocs.Page> page = apiDocs.get(rawPath);
        if (page.isPresent()) {
          exchange.setAttribute(CORS, documentsCors);
          send(exchange, 200, page.get().contentType(), page.get().body());
          return;
        }
      }
      if (method.equals("OPTIONS") && routes.pathExists(rawPath)) {
        // API Gateway answers the preflight of a path of an API with CORS configured, without the function
        String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
        Optional<RouteMatcher.Match<LocalFunction>> target = asked == null ? Optional.empty()
            : routes.match(asked.toUpperCase(Locale.ROOT), rawPath);
        for (String m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")) {
          target = target.isPresent() ? target : routes.match(m, rawPath);
        }
        Cors cors = corsOf(target);
        if (!cors.origins().isEmpty()) {
          exchange.setAttribute(CORS, cors);
          preflight(exchange);
          return;
        }
      }
      Optional<RouteMatcher.Match<LocalFunction>> match = routes.match(method, rawPath);
      if (match.isEmpty()) {
        problem(exchange, 404, "not-found", "Not Found", "No route for " + method + " " + rawPath + ".");
        return;
      }
      RouteMatcher.Route<LocalFunction> route = match.get().route();
      exchange.setAttribute(CORS, corsOf(match));
      Map<String, String> claims = null;
      if (route.authorized()) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
          problem(exchange, 401, "unauthorized", "Unauthorized", "This route needs 'Authorization: Bearer <staff JWT>'.");
          return;
        }
        try {
          claims = tokens.verify(token);
        } catch (StaffTokens.InvalidToken e) {
          problem(exchange, 401, "unauthorized", "Unauthorized", "The bearer token is not valid: " + e.getMessage() + ".");
          return;
        }
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_PAYLOAD + 1);
      }
      if (body.length > MAX_PAYLOAD) {
        problem(exchange, 413, "body-too-large", "Payload too large", "The request body is over 6 MB (Lambda's limit).");
        return;
      }
      byte[] event = event(exchange, route, match.get().pathParameters(), rawPath, rawQuery, body, claims);
      LocalFunction.Result result = route.target().invoke(event, "http " + route.routeKey(), HttpGateway::outcome);
      if (!result.ok()) {
        send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      respond(exchange, result.output());
    } catch (RuntimeException e) {
      LOG.error("local http gateway failed", e);
      send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String outcome(LocalFunction.Result result) {
    try {
      JsonNode node = Json.mapper().readTree(result.output());
      return node != null && node.has("statusCode") ? "status " + node.get("statusCode").asInt() : "status 200";
    } catch (IOException e) {
      return "status 200";
    }
  }

  private byte[] event(HttpExchange exchange, RouteMatcher.Route<LocalFunction> route, Map<String, String> pathParameters,
      String rawPath, String rawQuery, byte[] body, Map<String, String> claims) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (key.equals("cookie")) {
        values.forEach(v -> {
          for (String c : v.split(";")) {
            if (!c.isBlank()) {
              cookies.add(c.trim());
            }
          }
        });
      } else {
        headers.put(key, String.join(",", values));
      }
    });
    headers.putIfAbsent("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-forwarded-port", Integer.toString(port()));
    Instant now = Instant.now();
    String requestId = UUID.randomUUID().toString();
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("version", "2.0");
    e.put("routeKey", route.routeKey());
    e.put("rawPath", rawPath);
    e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
    if (!cookies.isEmpty()) {
      e.set("cookies", Json.mapper().valueToTree(cookies));
    }
    e.set("headers", Json.mapper().valueToTree(headers));
    Map<String, String> query = queryParameters(rawQuery);
    if (!query.isEmpty()) {
      e.set("queryStringParameters", Json.mapper().valueToTree(query));
    }
    if (!pathParameters.isEmpty()) {
      e.set("pathParameters", Json.mapper().valueToTree(pathParameters));
    }
    ObjectNode ctx = e.putObject("requestContext");
    ctx.put("accountId", "000000000000");
    ctx.put("apiId", "local");
    if (claims != null) {
      ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
      jwt.set("claims", Json.mapper().valueToTree(claims));
      jwt.set("scopes", null);
    }
    String host = headers.getOrDefault("host", "127.0.0.1:" + port());
    ctx.put("domainName", host);
    ctx.put("domainPrefix", host.split("[.:]")[0]);
    ObjectNode http = ctx.putObject("http");
    http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
    http.put("path", rawPath);
    http.put("protocol", exchange.getProtocol());
    http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    ctx.put("requestId", requestId);
    ctx.put("routeKey", route.routeKey());
    ctx.put("stage", stage);
    ctx.put("time", REQUEST_TIME.format(now));
    ctx.put("timeEpoch", now.toEpochMilli());
    if (body.length > 0) {
      if (isText(headers.get("content-type"))) {
        e.put("body", new String(body, StandardCharsets.UTF_8));
        e.put("isBase64Encoded", false);
      } else {
        e.put("body", Base64.getEncoder().encodeToString(body));
        e.put("isBase64Encoded", true);
      }
    } else {
      e.put("isBase64Encoded", false);
    }
    return Json.write(e).getBytes(StandardCharsets.UTF_8);
  }

  /** API Gateway passes these content types as text; every other body is base64-encoded. */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String ct = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return ct.startsWith("text/") || ct.equals("application/json") || ct.endsWith("+json")
        || ct.equals("application/xml") || ct.endsWith("+xml") || ct.equals("application/javascript")
        || ct.equals("application/x-www-form-urlencoded") || ct.equals("application/graphql");
  }

  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.merge(k, v, (a, b) -> a + "," + b);
    }
    return out;
  }

  private void respond(HttpExchange exchange, byte[] output) throws IOException {
    JsonNode node = Json.mapper().readTree(output);
    if (node == null || !node.isObject() || !node.has("statusCode")) {
      // payload 2.0 without a statusCode: API Gateway answers 200 with the result as JSON
      send(exchange, 200, "application/json", output);
      return;
    }
    Headers out = exchange.getResponseHeaders();
    node.path("headers").fields().forEachRemaining(h -> out.add(h.getKey(), h.getValue().asText()));
    node.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue().forEach(v -> out.add(h.getKey(), v.asText())));
    node.path("cookies").forEach(c -> out.add("Set-Cookie", c.asText()));
    String body = node.path("body").isNull() || node.path("body").isMissingNode() ? "" : node.path("body").asText();
    byte[] bytes = node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
    send(exchange, node.get("statusCode").asInt(), out.getFirst("Content-Type"), bytes);
  }

  private Cors corsOf(Optional<RouteMatcher.Match<LocalFunction>> match) {
    return match.map(m -> corsByRoute.getOrDefault(m.route().routeKey(), Cors.NONE)).orElse(Cors.NONE);
  }

  private static Cors cors(HttpExchange exchange) {
    return exchange.getAttribute(CORS) instanceof Cors c ? c : Cors.NONE;
  }

  /**
   * The {@code Access-Control-Allow-Origin} for this request, as API Gateway's CORS answers: the request's
   * {@code Origin} when the route's API lists it, {@code *} when that API's origins are {@code *}, else
   * none. Staff routes are on an API whose origins are never {@code *} (template.yaml's StaffApi).
   */
  private static Optional<String> allowedOrigin(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    Cors cors = cors(exchange);
    if (origin == null || cors.origins().isEmpty()) {
      return Optional.empty();
    }
    if (cors.origins().contains(origin)) {
      return Optional.of(origin);
    }
    return cors.origins().contains("*") ? Optional.of("*") : Optional.empty();
  }

  private void preflight(HttpExchange exchange) throws IOException {
    Headers h = exchange.getResponseHeaders();
    Optional<String> origin = allowedOrigin(exchange);
    if (origin.isEmpty()) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    h.set("Access-Control-Allow-Origin", origin.get());
    h.set("Vary", "Origin");
    h.set("Access-Control-Allow-Headers", String.join(",", cors(exchange).headers()));
    h.set("Access-Control-Allow-Methods", String.join(",", cors(exchange).methods()));
    exchange.sendResponseHeaders(204, -1);
  }

  private void problem(HttpExchange exchange, int status, String slug, String title, String detail) throws IOException {
    send(exchange, status, Problem.MEDIA_TYPE, Json.write(Problem.of(status, slug, title, detail)).getBytes(StandardCharsets.UTF_8));
  }

  private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    Headers h = exchange.getResponseHeaders();
    if (contentType != null) {
      h.set("Content-Type", contentType);
    }
    allowedOrigin(exchange).ifPresent(origin -> {
      h.set("Access-Control-Allow-Origin", origin);
      h.set("Vary", "Origin");
    });
    h.set("Apigw-Requestid", UUID.randomUUID().toString());
    boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
