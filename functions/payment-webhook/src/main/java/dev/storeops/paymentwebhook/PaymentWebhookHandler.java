package dev.storeops.paymentwebhook;

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

/** {@code POST /payments/webhook} (public, {@link PaymentWebhookRoute}) and the provider adapters ({@link PaymentProviderRoutes}), built by {@link PaymentWebhookWiring}. */
public final class PaymentWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;

  public PaymentWebhookHandler() {
    this(Env.system());
  }

  public PaymentWebhookHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests). */
  public PaymentWebhookHandler(Env env, Clock clock) {
    this.router = PaymentWebhookWiring.router(env, clock);
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
