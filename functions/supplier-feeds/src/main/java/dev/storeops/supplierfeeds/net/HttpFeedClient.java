package dev.storeops.supplierfeeds.net;

import dev.storeops.supplierfeeds.core.FeedClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed over HTTP(S) with the JDK's client: {@code If-None-Match} / {@code If-Modified-Since} from the
 * last fetch, redirects followed (never from https to http), a connect timeout and a whole-request
 * timeout, and a byte cap (the declared {@code Content-Length} is checked first; the body stops as soon as
 * more bytes arrive than allowed). The body streams into a file while its SHA-256 is computed.
 */
public final class HttpFeedClient implements FeedClient {
  private static final Pattern FILENAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
      Pattern.CASE_INSENSITIVE);
  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;

  public HttpFeedClient(Duration timeout, long maxBytes) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  @Override
  public Response fetch(String url, String etag, String lastModified, Path target) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Response.failed("feed url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Response.failed("feed url must be http(s), not " + (scheme.isEmpty() ? "without a scheme" : scheme));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
        .header("User-Agent", "storeops-supplier-feeds/1");
    if (etag != null && !etag.isBlank()) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null && !lastModified.isBlank()) {
      request.header("If-Modified-Since", lastModified);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      return Response.failed("no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return Response.failed("cannot fetch: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.failed("interrupted");
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      String newEtag = response.headers().firstValue("ETag").orElse(null);
      String newModified = response.headers().firstValue("Last-Modified").orElse(null);
      if (status == 304) {
        return new Response(Response.NOT_MODIFIED, null, 0, null, newEtag == null ? etag : newEtag,
            newModified == null ? lastModified : newModified, null, null, null);
      }
      if (status != 200) {
        return Response.failed("HTTP " + status);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        return Response.failed("the file is " + declared + " bytes (limit " + maxBytes + ")");
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long total = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = body.read(buffer)) > 0) {
          total += n;
          if (total > maxBytes) {
            return Response.failed("the file is larger than the limit of " + maxBytes + " bytes");
          }
          out.write(buffer, 0, n);
        }
      }
      String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
      return new Response(Response.FETCHED, target, total, HexFormat.of().formatHex(sha.digest()), newEtag,
          newModified, type, fileName(response, uri), null);
    } catch (HttpTimeoutException e) {
      return Response.failed("the file did not arrive within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return Response.failed("reading the file failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name from {@code Content-Disposition}, else the URL path's last segment, else {@code feed}. */
  static String fileName(HttpResponse<?> response, URI uri) {
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    Matcher m = FILENAME.matcher(disposition);
    if (m.find()) {
      try {
        return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return m.group(1); // a '%' that is no escape: the name as sent
      }
    }
    String path = response.uri().getPath() == null ? uri.getPath() : response.uri().getPath();
    if (path != null) {
      String last = path.substring(path.lastIndexOf('/') + 1);
      if (!last.isBlank()) {
        return last;
      }
    }
    return "feed";
  }
}
