package dev.storeops.ordering;

import java.time.Instant;

/**
 * The event on the order-events queue after an order is stored. Carries the access token once, so
 * the confirmation mail can link to the order (the table keeps only its hash).
 */
public record OrderCreated(String type, String orderId, String accessToken, Instant createdAt) {
  public static final String TYPE = "OrderCreated";

  public static OrderCreated of(Order order, String accessToken) {
    return new OrderCreated(TYPE, order.id(), accessToken, order.createdAt());
  }
}
