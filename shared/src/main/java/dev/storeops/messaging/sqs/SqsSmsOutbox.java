package dev.storeops.messaging.sqs;

import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.messaging.sms.SmsOutbox;
import dev.storeops.platform.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Puts SMS intents on the SMS queue in batches of 10; a rejected entry fails the call. */
public final class SqsSmsOutbox implements SmsOutbox {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsSmsOutbox(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** The SMS queue of {@code SMS_QUEUE_URL}, or {@link SmsOutbox#NONE} where a function has none. */
  public static SmsOutbox fromUrl(SqsClient sqs, String queueUrl) {
    return queueUrl == null || queueUrl.isBlank() ? SmsOutbox.NONE : new SqsSmsOutbox(sqs, queueUrl);
  }

  @Override
  public void send(List<SmsIntent> intents) {
    for (int from = 0; from < intents.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      List<SmsIntent> batch = intents.subList(from, Math.min(from + 10, intents.size()));
      for (int i = 0; i < batch.size(); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .messageBody(Json.write(batch.get(i))).build());
      }
      var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      if (!response.failed().isEmpty()) {
        BatchResultErrorEntry first = response.failed().get(0);
        throw new IllegalStateException("SMS queue refused " + response.failed().size()
            + " intents, first: " + first.code() + " " + first.message());
      }
    }
  }
}
