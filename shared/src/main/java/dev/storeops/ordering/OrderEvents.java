package dev.storeops.ordering;

/** Publishes order events (the order-events SQS queue in AWS). */
public interface OrderEvents {
  void publish(OrderCreated event);
}
