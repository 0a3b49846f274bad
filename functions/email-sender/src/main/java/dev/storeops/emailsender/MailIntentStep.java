package dev.storeops.emailsender;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.metrics.ShopMetrics;

/**
 * One EmailQueue message → {@link EmailService}. A failed send is a batch item failure (the queue
 * retries it, the DLQ takes it after {@link EmailSenderHandler#MAX_RECEIVES} receives); after a
 * throttling answer the rest of the batch is handed back untried, to be retried later.
 */
final class MailIntentStep implements BatchItems.JudgedStep<SQSEvent.SQSMessage> {
  private final EmailService service;
  private final ShopMetrics metrics;

  MailIntentStep(EmailService service, ShopMetrics metrics) {
    this.service = service;
    this.metrics = metrics;
  }

  /** Throws for an unreadable intent (logged, retried, then the DLQ). */
  @Override
  public BatchItems.Outcome handle(SQSEvent.SQSMessage message) throws Exception {
    MailIntent intent = Json.mapper().readValue(message.getBody(), MailIntent.class);
    int receives = receiveCount(message);
    EmailService.Outcome outcome = service.handle(intent, receives, EmailSenderHandler.MAX_RECEIVES);
    count(outcome, receives);
    if (outcome.kind() != EmailService.Kind.FAILED) {
      return BatchItems.Outcome.DONE;
    }
    return outcome.throttled() ? BatchItems.Outcome.FAILED_HAND_BACK_REST : BatchItems.Outcome.FAILED;
  }

  /** MailsSent, MailsSkipped; a failure is MailsFailed on the last receive (the DLQ takes it), else MailsRetried. */
  private void count(EmailService.Outcome outcome, int receives) {
    switch (outcome.kind()) {
      case SENT -> metrics.mailSent();
      case SKIPPED -> metrics.mailSkipped();
      case FAILED -> {
        if (receives >= EmailSenderHandler.MAX_RECEIVES) {
          metrics.mailFailed();
        } else {
          metrics.mailRetried();
        }
      }
      case DUPLICATE -> { }
    }
  }

  private static int receiveCount(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
