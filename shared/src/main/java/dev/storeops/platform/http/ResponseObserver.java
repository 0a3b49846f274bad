package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Looks at every answer a {@link Router} gives. Found with {@link java.util.ServiceLoader}: a Lambda
 * function jar has none; the test stack registers the OpenAPI contract check
 * ({@code stack/http/OpenApiContractObserver}), so every response a test or local mode produces is
 * checked against {@code openapi/openapi.yaml}. An observer may throw an {@link Error} to fail a test.
 */
public interface ResponseObserver {
  void observe(String routeKey, APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response);
}
