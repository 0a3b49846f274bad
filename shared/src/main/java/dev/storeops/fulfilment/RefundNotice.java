package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;

/**
 * The one call site of the customer's "refund made" notice (docs/returns.md): called once when a
 * return's refund is recorded as made by the provider. The wiring fills it with
 * {@code CustomerNotices.refundMade(Order, long amountMinor, String refundId)} (notifications, issue 17
 * item 1); {@link #NONE} until then.
 */
@FunctionalInterface
public interface RefundNotice {
  RefundNotice NONE = (order, amountMinor, refundId) -> {};

  void refundMade(Order order, long amountMinor, String refundId);
}
