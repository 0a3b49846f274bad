package dev.storeops.emailsender;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.json.Json;

/**
 * One EmailQueue message → {@link EmailService}. A failed send is a batch item failure (the queue
 * retries it, the DLQ takes it after {@link EmailSenderHandler#MAX_RECEIVES} receives); after a
 * throttling answer the rest of the batch is handed back untried, to be retried later.
 */
final class MailIntentStep implements BatchItems.JudgedStep<SQSEvent.SQSMessage> {
  private final EmailService service;

  MailIntentStep(EmailService service) {
    this.service = service;
  }

  /** Throws for an unreadable intent (logged, retried, then the DLQ). */
  @Override
  public BatchItems.Outcome handle(SQSEvent.SQSMessage message) throws Exception {
    MailIntent intent = Json.mapper().readValue(message.getBody(), MailIntent.class);
    EmailService.Outcome outcome = service.handle(intent, receiveCount(message), EmailSenderHandler.MAX_RECEIVES);
    if (outcome.kind() != EmailService.Kind.FAILED) {
      return BatchItems.Outcome.DONE;
    }
    return outcome.throttled() ? BatchItems.Outcome.FAILED_HAND_BACK_REST : BatchItems.Outcome.FAILED;
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
