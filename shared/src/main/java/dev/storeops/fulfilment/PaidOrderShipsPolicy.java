package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import java.time.Instant;

/**
 * Paid orders ship: a prepaid order whose payment succeeded goes AWAITING_PAYMENT → PAID →
 * READY_TO_SHIP at once, without a confirmation call (only cash-on-delivery orders are confirmed by
 * phone, see {@link ConfirmationCallPolicy}). Decides only; no I/O.
 */
public final class PaidOrderShipsPolicy {
  public static final String BY = "rule:paid-order-ships";

  /** The order paid by {@code paymentId} and ready to ship. */
  public Order paid(Order awaiting, String paymentId, Instant now) {
    Order paid = OrderLifecycle.transition(awaiting, OrderStatus.PAID, now, PaymentEventPolicy.BY,
        "payment " + paymentId + " succeeded");
    return OrderLifecycle.transition(paid, OrderStatus.READY_TO_SHIP, now, BY,
        "paid orders ship without a confirmation call");
  }
}
