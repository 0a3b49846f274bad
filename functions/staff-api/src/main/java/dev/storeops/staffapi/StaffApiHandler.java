package dev.storeops.staffapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import java.util.List;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;

/**
 * The staff API under {@code /staff} (HTTP API with the StaffJwt authorizer): the JWT {@code sub}
 * claim is the staff member's id. Routes: {@link StaffOrderRoutes}, {@link StaffReportRoutes}, {@link
 * StaffFlowRoutes}, built by {@link StaffApiWiring}.
 */
public final class StaffApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Metrics metrics;
  private final Router router;

  public StaffApiHandler() {
    this(Env.system());
  }

  public StaffApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests of the timing rules). */
  public StaffApiHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.router = StaffApiWiring.router(env, clock, metrics);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> router.handle(event));
  }

  @Override
  public List<String> routeKeys() {
    return router.routeKeys();
  }
}
