package dev.storeops.supplierinbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.aws.S3Notification;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.supplierinbox.core.ReceiveSupplierMail;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * S3 ObjectCreated on the supplier bucket's {@code inbox/} (raw mail stored by SES) → {@link ReceiveSupplierMail}.
 * The event is taken as a plain map and read as an {@link S3Notification} (no joda-time in the jar).
 */
public final class SupplierInboxHandler
    implements RequestHandler<Map<String, Object>, List<ReceiveSupplierMail.Outcome>> {
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
  public List<ReceiveSupplierMail.Outcome> handleRequest(Map<String, Object> event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> inbox.handle(S3Notification.from(event)));
  }
}
