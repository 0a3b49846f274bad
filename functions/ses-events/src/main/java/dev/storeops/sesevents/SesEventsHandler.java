package dev.storeops.sesevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.sending.MailFeedbackLog;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;

/**
 * SesEventsQueue → the suppression list and the mail's send-log entry ({@link SesNotificationStep}); an unreadable message or a
 * failed write is a batch item failure (DLQ after 3 receives).
 */
public final class SesEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Log LOG = Log.get(SesEventsHandler.class);
  private final Metrics metrics;
  private final SesNotificationStep step;

  public SesEventsHandler() {
    this(Env.system());
  }

  public SesEventsHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SesEventsHandler(Env env, Clock clock) {
    this.metrics = Metrics.from(env);
    this.step = SesEventsWiring.step(env, clock);
  }

  public SesEventsHandler(SuppressionList suppression, MailFeedbackLog feedback, Clock clock) {
    this.metrics = Metrics.from(Env.system());
    this.step = new SesNotificationStep(suppression, feedback, clock);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> metrics.batchItemFailures(
        BatchItems.sqs(event, LOG, "SES notification not handled", message -> step.handle(message.getBody()))));
  }
}
