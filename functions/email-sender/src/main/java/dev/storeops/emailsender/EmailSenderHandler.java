package dev.storeops.emailsender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.sending.BatchedMailFigures;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailHandBack;
import dev.storeops.messaging.sending.SendFailurePolicy;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import java.time.Clock;

/**
 * EmailQueue → {@link MailIntentStep}, one message at a time (a fresh step per batch); the service and
 * the throttling hand-back are built by {@link EmailSenderWiring}; mail outcomes counted in EMF.
 */
public final class EmailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** The EmailQueue's redrive maxReceiveCount in template.yaml. */
  public static final int MAX_RECEIVES = 3;
  private static final Log LOG = Log.get(EmailSenderHandler.class);
  private final EmailService service;
  private final MailHandBack handBack;
  private final SendFailurePolicy policy;
  private final Metrics metrics;
  /** Null when the service was given (tests): its figures are written as they come. */
  private final BatchedMailFigures figures;

  public EmailSenderHandler() {
    this(Env.system());
  }

  public EmailSenderHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public EmailSenderHandler(Env env, Clock clock) {
    this(EmailSenderWiring.wire(env, clock), Metrics.from(env));
  }

  private EmailSenderHandler(EmailSenderWiring.Wired wired, Metrics metrics) {
    this(wired.service(), wired.handBack(), wired.policy(), metrics, wired.figures());
  }

  public EmailSenderHandler(EmailService service, MailHandBack handBack, SendFailurePolicy policy) {
    this(service, handBack, policy, Metrics.from(Env.system()));
  }

  public EmailSenderHandler(EmailService service, MailHandBack handBack, SendFailurePolicy policy, Metrics metrics) {
    this(service, handBack, policy, metrics, null);
  }

  private EmailSenderHandler(EmailService service, MailHandBack handBack, SendFailurePolicy policy, Metrics metrics,
      BatchedMailFigures figures) {
    this.figures = figures;
    this.service = service;
    this.handBack = handBack;
    this.policy = policy;
    this.metrics = metrics;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> {
      try {
        return metrics.batchItemFailures(
            BatchItems.sqsJudged(event, LOG, "mail intent not handled, retried then sent to the DLQ",
                new MailIntentStep(service, handBack, policy, new ShopMetrics(metrics))));
      } finally {
        if (figures != null) {
          figures.flush();
        }
      }
    });
  }
}
