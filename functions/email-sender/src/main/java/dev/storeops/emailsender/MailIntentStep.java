package dev.storeops.emailsender;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailHandBack;
import dev.storeops.messaging.sending.SendFailurePolicy;
import dev.storeops.platform.batch.BatchItems;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.ShopMetrics;

/**
 * One EmailQueue message → {@link EmailService}, one step per batch. A transient failure is a batch item
 * failure (the queue retries it, the DLQ takes it after {@link EmailSenderHandler#MAX_RECEIVES}
 * receives). A throttled send ({@link SendFailurePolicy}) is handed back as a delayed copy ({@link
 * MailHandBack}, the delay growing with each hand-back) and the original is done, so throttling does not
 * consume the DLQ budget; the rest of the batch is handed back the same way untried. A permanent
 * rejection is recorded by the service and done.
 */
final class MailIntentStep implements BatchItems.JudgedStep<SQSEvent.SQSMessage> {
  private static final Log LOG = Log.get(MailIntentStep.class);
  private final EmailService service;
  private final MailHandBack handBack;
  private final SendFailurePolicy policy;
  private final ShopMetrics metrics;
  private boolean throttled;

  MailIntentStep(EmailService service, MailHandBack handBack, SendFailurePolicy policy, ShopMetrics metrics) {
    this.service = service;
    this.handBack = handBack;
    this.policy = policy;
    this.metrics = metrics;
  }

  /** Throws for an unreadable intent (logged, retried, then the DLQ). */
  @Override
  public BatchItems.Outcome handle(SQSEvent.SQSMessage message) throws Exception {
    int handBacks = handBacks(message);
    if (throttled) {
      return handBack(message, handBacks + 1, policy.handBackDelay(handBacks + 1), "untried after throttling");
    }
    MailIntent intent = Json.mapper().readValue(message.getBody(), MailIntent.class);
    int receives = receiveCount(message);
    EmailService.Outcome outcome = service.handle(intent, receives, EmailSenderHandler.MAX_RECEIVES);
    count(outcome, receives);
    if (outcome.kind() == EmailService.Kind.AWAITING_CONFIRMATION) {
      // waits for SES's Send event of an earlier attempt: back on the queue until the window ends, a
      // few seconds after it (not a throttle: the hand-back count stays)
      java.time.Duration delay = outcome.retryIn().plusSeconds(5);
      return handBack(message, handBacks, delay.compareTo(SendFailurePolicy.MAX_DELAY) > 0
          ? SendFailurePolicy.MAX_DELAY : delay, "awaiting SES's confirmation of an earlier attempt");
    }
    if (outcome.kind() != EmailService.Kind.FAILED) {
      return BatchItems.Outcome.DONE;
    }
    if (!outcome.throttled()) {
      return BatchItems.Outcome.FAILED;
    }
    throttled = true;
    if (!policy.handBackAgain(handBacks)) {
      LOG.warn("mail throttled too often, counted as a failure", "messageId", message.getMessageId(),
          "handBacks", handBacks);
      return BatchItems.Outcome.FAILED;
    }
    return handBack(message, handBacks + 1, policy.handBackDelay(handBacks + 1), "throttled");
  }

  private BatchItems.Outcome handBack(SQSEvent.SQSMessage message, int n, java.time.Duration delay, String why) {
    try {
      handBack.handBack(message.getBody(), n, delay);
    } catch (RuntimeException e) {
      // the copy could not be queued: fail the original instead (retried by the queue)
      LOG.error("mail not handed back; retried by the queue", e, "messageId", message.getMessageId());
      return BatchItems.Outcome.FAILED;
    }
    LOG.info("mail handed back to the queue", "messageId", message.getMessageId(), "why", why,
        "handBack", n, "delaySeconds", delay.toSeconds());
    return BatchItems.Outcome.DONE;
  }

  /**
   * MailsSent, MailsSkipped, MailsRejected; a throttled send is MailsRetried (it comes back as a copy);
   * another failure is MailsFailed on the last receive (the DLQ takes it), else MailsRetried.
   */
  private void count(EmailService.Outcome outcome, int receives) {
    switch (outcome.kind()) {
      case SENT -> metrics.mailSent();
      case SKIPPED -> metrics.mailSkipped();
      case REJECTED -> metrics.mailRejected();
      case FAILED -> {
        if (!outcome.throttled() && receives >= EmailSenderHandler.MAX_RECEIVES) {
          metrics.mailFailed();
        } else {
          metrics.mailRetried();
        }
      }
      case DUPLICATE, AWAITING_CONFIRMATION -> { }
    }
  }

  private static int handBacks(SQSEvent.SQSMessage message) {
    var attributes = message.getMessageAttributes();
    var value = attributes == null ? null : attributes.get(MailHandBack.THROTTLED_ATTRIBUTE);
    try {
      return value == null || value.getStringValue() == null ? 0 : Integer.parseInt(value.getStringValue());
    } catch (NumberFormatException e) {
      return 0;
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
