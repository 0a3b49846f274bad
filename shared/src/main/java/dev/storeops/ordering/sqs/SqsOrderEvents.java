package dev.storeops.ordering.sqs;

import dev.storeops.platform.json.Json;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderEvents;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts order events on the order-events queue. */
public final class SqsOrderEvents implements OrderEvents {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsOrderEvents(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void publish(OrderCreated event) {
    sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(Json.write(event)));
  }
}
