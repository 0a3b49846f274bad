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
import java.time.Clock;

/** EmailQueue → {@link MailIntentStep}, one message at a time; the service is built by {@link EmailSenderWiring}. */
public final class EmailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** The EmailQueue's redrive maxReceiveCount in template.yaml. */
  public static final int MAX_RECEIVES = 3;
  private static final Log LOG = Log.get(EmailSenderHandler.class);
  private final MailIntentStep step;

  public EmailSenderHandler() {
    this(Env.system());
  }

  public EmailSenderHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public EmailSenderHandler(Env env, Clock clock) {
    this(EmailSenderWiring.service(env, clock));
  }

  public EmailSenderHandler(EmailService service) {
    this.step = new MailIntentStep(service);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return BatchItems.sqsJudged(event, LOG, "mail intent not handled, retried then sent to the DLQ", step);
  }
}
