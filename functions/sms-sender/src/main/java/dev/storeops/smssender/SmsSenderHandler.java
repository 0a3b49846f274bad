package dev.storeops.smssender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.messaging.sms.SmsService;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import java.time.Clock;

/**
 * SmsQueue → {@link SmsService}, one message at a time. Sent, skipped, rejected (permanent), duplicate
 * and unconfirmed are done; a retryable failure is a batch item failure (the queue retries it, the DLQ
 * takes it after 3 receives). Idempotent through the send log: a message delivered twice sends once.
 */
public final class SmsSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Log LOG = Log.get(SmsSenderHandler.class);
  private final SmsService service;

  public SmsSenderHandler() {
    this(Env.system());
  }

  public SmsSenderHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SmsSenderHandler(Env env, Clock clock) {
    this(SmsSenderWiring.wire(env, clock));
  }

  public SmsSenderHandler(SmsService service) {
    this.service = service;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogContext.enter(context);
    return BatchItems.sqsJudged(event, LOG, "SMS intent not handled, retried then sent to the DLQ", message -> {
      SmsIntent intent = Json.mapper().readValue(message.getBody(), SmsIntent.class);
      SmsService.Outcome outcome = service.handle(intent);
      return outcome.kind() == SmsService.Kind.FAILED ? BatchItems.Outcome.FAILED : BatchItems.Outcome.DONE;
    });
  }
}
