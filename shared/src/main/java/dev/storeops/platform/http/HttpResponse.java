package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds API Gateway HTTP API responses. */
public final class HttpResponse {
  private HttpResponse() {}

  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return of(status, "application/json", Json.write(body), Map.of());
  }

  public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
    return of(status, "application/json", Json.write(body), headers);
  }

  public static APIGatewayV2HTTPResponse problem(Problem problem) {
    return of(problem.status(), Problem.MEDIA_TYPE, Json.write(problem), Map.of());
  }

  public static APIGatewayV2HTTPResponse noContent() {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
  }

  public static APIGatewayV2HTTPResponse of(int status, String contentType, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", contentType.startsWith("text/") || contentType.contains("json")
        ? contentType + "; charset=utf-8" : contentType);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(all)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
