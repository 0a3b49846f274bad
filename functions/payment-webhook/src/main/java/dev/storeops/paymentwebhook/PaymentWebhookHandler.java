package dev.storeops.paymentwebhook;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import java.time.Clock;

/** {@code POST /payments/webhook} (public, {@link PaymentWebhookRoute}) and the provider adapters ({@link PaymentProviderRoutes}), built by {@link PaymentWebhookWiring}. */
public final class PaymentWebhookHandler extends RouterHandler {
  public PaymentWebhookHandler() {
    this(Env.system());
  }

  public PaymentWebhookHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests). */
  public PaymentWebhookHandler(Env env, Clock clock) {
    super(PaymentWebhookWiring.router(env, clock));
  }
}
