package dev.storeops.console;

import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;

/** Reads the built console from the jar and its sign-in settings from the environment, once per container. */
final class ConsoleWiring {
  private ConsoleWiring() {}

  static Router router(Env env) {
    Router router = ConsoleRoutes.router(ConsoleAssets.fromClasspath(), ConsoleSettings.from(env));
    // SnapStart: the snapshot holds the assets and router warmed (docs/performance.md)
    Priming.of("console", env).route(router, "GET /console", "/console", java.util.Map.of())
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }
}
