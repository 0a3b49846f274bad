package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import java.util.List;
import java.util.Objects;

/**
 * The one Lambda adapter of an HTTP API function (payload 2.0): enters the invocation's log context, hands
 * the event to the function's {@link Router} (flushing the function's {@link Metrics} after it, when it has
 * them) and tells the router's route keys ({@link HttpRoutes}). A function's handler only builds its router
 * — through its Wiring, in its constructor, so the wiring and its SnapStart priming run once per container —
 * and passes it here:
 * <pre>{@code
 * public final class UnsubscribeHandler extends RouterHandler {
 *   public UnsubscribeHandler() { this(Env.system()); }
 *   public UnsubscribeHandler(Env env) { this(env, Clock.systemUTC()); }
 *   public UnsubscribeHandler(Env env, Clock clock) { super(UnsubscribeWiring.router(env, clock)); }
 * }
 * }</pre>
 * The Lambda runtime, local mode and the template checks find {@code handleRequest} and the event types
 * through this class (the runtime resolves {@code RequestHandler}'s type arguments along the superclasses).
 */
public abstract class RouterHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;
  private final Metrics metrics;

  /** A function that writes no metrics of its own. */
  protected RouterHandler(Router router) {
    this.router = Objects.requireNonNull(router, "router");
    this.metrics = null;
  }

  /** A function whose metrics are flushed once per invocation, after the route answered. */
  protected RouterHandler(Router router, Metrics metrics) {
    this.router = Objects.requireNonNull(router, "router");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics == null ? router.handle(event) : metrics.flushAfter(() -> router.handle(event));
  }

  @Override
  public final List<String> routeKeys() {
    return router.routeKeys();
  }
}
