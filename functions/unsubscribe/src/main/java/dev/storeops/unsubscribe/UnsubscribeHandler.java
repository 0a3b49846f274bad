package dev.storeops.unsubscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import java.util.List;
import dev.storeops.platform.log.LambdaLogContext;
import java.time.Clock;

/** {@code GET|POST /unsubscribe}, {@code GET|POST /consent/confirm}: {@link UnsubscribeRoutes}, built by {@link UnsubscribeWiring}. */
public final class UnsubscribeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;

  public UnsubscribeHandler() {
    this(Env.system());
  }

  public UnsubscribeHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public UnsubscribeHandler(Env env, Clock clock) {
    this.router = UnsubscribeWiring.router(env, clock);
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
