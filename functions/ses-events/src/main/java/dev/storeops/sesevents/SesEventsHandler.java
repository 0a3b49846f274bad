package dev.storeops.sesevents;

import dev.storeops.messaging.ses.SesNotifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * SesEventsQueue → the suppression list. Idempotent (a listed address stays with its first reason);
 * an unreadable message or a failed write is a batch item failure (DLQ after 3 receives).
 */
public final class SesEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Log LOG = Log.get(SesEventsHandler.class);
  private final SuppressionList suppression;
  private final Clock clock;

  public SesEventsHandler() {
    this(Env.system());
  }

  public SesEventsHandler(Env env) {
    this(new DynamoSuppressionList(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")), Clock.systemUTC());
  }

  public SesEventsHandler(SuppressionList suppression, Clock clock) {
    this.suppression = suppression;
    this.clock = clock;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        for (SesNotifications.Suppression s : SesNotifications.suppressions(message.getBody())) {
          boolean added = suppression.suppress(s.email(), s.reason(), clock.instant(), s.source());
          LOG.info(added ? "address suppressed" : "address already suppressed", "email", Pii.email(s.email()),
              "reason", s.reason(), "sesMessageId", s.source());
        }
      } catch (RuntimeException e) {
        LOG.error("SES notification not handled", e, "messageId", message.getMessageId());
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
