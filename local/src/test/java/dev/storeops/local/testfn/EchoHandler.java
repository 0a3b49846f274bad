package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A test function on HTTP routes: answers with what it received (route, parameters, headers, claims). */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final String stage;

  public EchoHandler() {
    this(Env.system());
  }

  public EchoHandler(Env env) {
    this.stage = env.required("STAGE");
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    HttpRequest request = new HttpRequest(event);
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("stage", stage);
    echo.put("routeKey", event.getRouteKey());
    echo.put("rawPath", event.getRawPath());
    echo.put("rawQueryString", event.getRawQueryString());
    echo.put("queryStringParameters", event.getQueryStringParameters());
    echo.put("pathParameters", event.getPathParameters());
    echo.put("headers", event.getHeaders());
    echo.put("method", event.getRequestContext().getHttp().getMethod());
    echo.put("requestId", event.getRequestContext().getRequestId());
    echo.put("isBase64Encoded", event.getIsBase64Encoded());
    echo.put("bodyBytes", request.bodyBytes().length);
    echo.put("claims", request.jwtClaims());
    echo.put("functionName", context.getFunctionName());
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
        .withBody(Json.write(echo)).build();
  }
}
