package dev.storeops.messaging.sqs;

import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;

import dev.storeops.platform.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Puts mail intents on the e-mail queue in batches of 10; a rejected entry fails the call. */
public final class SqsMailOutbox implements MailOutbox {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsMailOutbox(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(List<MailIntent> intents) {
    for (int from = 0; from < intents.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      List<MailIntent> batch = intents.subList(from, Math.min(from + 10, intents.size()));
      for (int i = 0; i < batch.size(); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .messageBody(Json.write(batch.get(i))).build());
      }
      var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      if (!response.failed().isEmpty()) {
        BatchResultErrorEntry first = response.failed().get(0);
        throw new IllegalStateException("e-mail queue refused " + response.failed().size()
            + " intents, first: " + first.code() + " " + first.message());
      }
    }
  }
}
