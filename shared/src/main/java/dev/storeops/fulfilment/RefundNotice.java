package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;

/**
 * The one call site of the customer's "refund made" notice (docs/returns.md): called once when a
 * return's refund is recorded as made by the provider. staff-api's wiring fills it with
 * {@code CustomerNotices.refundMade(Order, long amountMinor, String refundId)} (mail and SMS,
 * docs/notifications.md); {@link #NONE} where no customer is told (tests).
 */
@FunctionalInterface
public interface RefundNotice {
  RefundNotice NONE = (order, amountMinor, refundId) -> {};

  void refundMade(Order order, long amountMinor, String refundId);
}
