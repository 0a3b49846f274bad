package dev.storeops.messaging.sqs;

import dev.storeops.messaging.sending.MailHandBack;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** {@link MailHandBack} on the e-mail queue: SendMessage with DelaySeconds and the {@code throttled} number attribute. */
public final class SqsMailHandBack implements MailHandBack {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsMailHandBack(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void handBack(String body, int handBacks, Duration delay) {
    sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).delaySeconds((int) Math.min(900, delay.toSeconds()))
        .messageAttributes(Map.of(THROTTLED_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number")
            .stringValue(Integer.toString(handBacks)).build())));
  }
}
