package dev.storeops.emailsender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import java.time.Clock;

/** EmailQueue → {@link MailIntentStep}, one message at a time; the service is built by {@link EmailSenderWiring}. */
public final class EmailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** The EmailQueue's redrive maxReceiveCount in template.yaml. */
  public static final int MAX_RECEIVES = 3;
  private static final Log LOG = Log.get(EmailSenderHandler.class);
  private final Metrics metrics;
  private final MailIntentStep step;

  public EmailSenderHandler() {
    this(Env.system());
  }

  public EmailSenderHandler(Env env) {
    this(EmailSenderWiring.service(env, Clock.systemUTC()), Metrics.from(env));
  }

  public EmailSenderHandler(EmailService service) {
    this(service, Metrics.from(Env.system()));
  }

  public EmailSenderHandler(EmailService service, Metrics metrics) {
    this.metrics = metrics;
    this.step = new MailIntentStep(service, new ShopMetrics(metrics));
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> metrics.batchItemFailures(
        BatchItems.sqsJudged(event, LOG, "mail intent not handled, retried then sent to the DLQ", step)));
  }
}
