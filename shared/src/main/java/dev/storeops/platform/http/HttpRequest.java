package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.storeops.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A read-only view of an API Gateway HTTP API (payload 2.0) request. */
public final class HttpRequest {
  /** Bodies larger than this are refused with 413 before parsing. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final APIGatewayV2HTTPEvent event;
  private final Map<String, String> headers;

  public HttpRequest(APIGatewayV2HTTPEvent event) {
    this.event = event;
    this.headers = event.getHeaders() == null ? Map.of()
        : event.getHeaders().entrySet().stream().collect(Collectors.toUnmodifiableMap(
            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a + "," + b));
  }

  /** The matched route, e.g. {@code GET /customers/{id}}. */
  public String routeKey() {
    if (event.getRouteKey() != null && !event.getRouteKey().isBlank() && !"$default".equals(event.getRouteKey())) {
      return event.getRouteKey();
    }
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    return http == null ? "" : http.getMethod() + " " + event.getRawPath();
  }

  /** The path as the client sent it, stage prefix included (e.g. {@code /dev/console/assets/x.js}); "" if absent. */
  public String rawPath() {
    return event.getRawPath() == null ? "" : event.getRawPath();
  }

  public String method() {
    return routeKey().split(" ", 2)[0];
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public String pathParameter(String name) {
    String value = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(name, "is required in the path");
    }
    return value;
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(event.getQueryStringParameters() == null ? null
        : event.getQueryStringParameters().get(name)).filter(v -> !v.isBlank());
  }

  /** The raw body as bytes (base64 decoded when API Gateway encoded it). */
  public byte[] bodyBytes() {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    byte[] bytes;
    if (event.getIsBase64Encoded()) {
      if (body.length() > (MAX_BODY_BYTES + 2) / 3 * 4 + 4) {
        throw tooLarge(body.length() / 4 * 3);
      }
      try {
        bytes = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        // a client (or a proxy) that marks its body as base64 and sends something else: its mistake, not ours
        throw ApiException.badRequest("body", "is marked base64-encoded (isBase64Encoded) but is not valid base64");
      }
    } else {
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge(bytes.length);
    }
    return bytes;
  }

  private static ApiException tooLarge(long bytes) {
    return new ApiException(Problem.of(413, "body-too-large", "Payload too large",
        "The body is " + bytes + " bytes; the limit is " + MAX_BODY_BYTES + "."));
  }

  public String bodyText() {
    return new String(bodyBytes(), StandardCharsets.UTF_8);
  }

  /** Parses the body as JSON into {@code type}; malformed JSON or a wrong type is a 400 naming the field. */
  public <T> T bodyAs(Class<T> type) {
    byte[] bytes = bodyBytes();
    if (bytes.length == 0) {
      throw ApiException.badRequest("body", "a JSON body is required");
    }
    try {
      JsonNode node = Json.mapper().readTree(bytes);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("body", "must be a JSON object");
      }
      return Json.mapper().treeToValue(node, type);
    } catch (MismatchedInputException e) {
      throw ApiException.badRequest(fieldPath(e), e instanceof InvalidFormatException ife
          ? "has an invalid value '" + ife.getValue() + "'" : "has the wrong type");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", "is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("body", "could not be read");
    }
  }

  /** Claims of a JWT-authorized request (empty when the route has no authorizer). */
  public Map<String, String> jwtClaims() {
    var ctx = event.getRequestContext();
    if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null
        || ctx.getAuthorizer().getJwt().getClaims() == null) {
      return Map.of();
    }
    return ctx.getAuthorizer().getJwt().getClaims();
  }

  /** The caller's address as API Gateway saw it ({@code requestContext.http.sourceIp}), or null. */
  public String sourceIp() {
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    return http == null ? null : http.getSourceIp();
  }

  /** An {@code application/x-www-form-urlencoded} body as a map (first value of each name wins). */
  public Map<String, String> formFields() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : bodyText().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
      String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("body", "is not a valid form (application/x-www-form-urlencoded)");
      }
    }
    return fields;
  }

  public String requestId() {
    return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
  }

  private static String fieldPath(MismatchedInputException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }
}
