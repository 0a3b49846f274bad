package dev.storeops.supplierinbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.supplierinbox.core.ReceiveSupplierMail;
import java.time.Clock;
import java.util.List;

/** S3 ObjectCreated on the supplier bucket's {@code inbox/} (raw mail stored by SES) → {@link ReceiveSupplierMail}. */
public final class SupplierInboxHandler implements RequestHandler<S3Event, List<ReceiveSupplierMail.Outcome>> {
  private final Metrics metrics;
  private final SupplierInboxWiring.Inbox inbox;

  public SupplierInboxHandler() {
    this(Env.system());
  }

  public SupplierInboxHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SupplierInboxHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.inbox = SupplierInboxWiring.inbox(env, clock, metrics);
  }

  @Override
  public List<ReceiveSupplierMail.Outcome> handleRequest(S3Event event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> inbox.handle(event));
  }
}
