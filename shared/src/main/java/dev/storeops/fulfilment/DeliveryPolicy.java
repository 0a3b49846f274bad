package dev.storeops.fulfilment;

import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import java.time.Instant;

/**
 * Delivery: only a SHIPPED order can be marked delivered; marking a delivered order again changes
 * nothing. Decides only; no I/O.
 */
public final class DeliveryPolicy {
  /** SHIPPED → DELIVERED; null when already delivered. */
  public OrderChange deliver(OrderFile f, String by, Instant now) {
    if (f.order().status() == OrderStatus.DELIVERED) {
      return null;
    }
    Transitions.requireAllowed(f.order(), OrderStatus.DELIVERED);
    return new OrderChange(f, now).moved(OrderLifecycle.transition(f.order(), OrderStatus.DELIVERED, now, by,
        "delivered"));
  }
}
