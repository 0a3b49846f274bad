package dev.storeops.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import java.util.List;
import dev.storeops.platform.log.LambdaLogContext;

/** {@code GET /console}, {@code GET /console/{proxy+}}: the staff console's files ({@link ConsoleRoutes}). */
public final class ConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;

  public ConsoleHandler() {
    this(Env.system());
  }

  public ConsoleHandler(Env env) {
    this.router = ConsoleWiring.router(env);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return router.handle(event);
  }

  @Override
  public List<String> routeKeys() {
    return router.routeKeys();
  }
}
