package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import java.time.Instant;

/**
 * Cancelling an order: staff may cancel with a reason (required, at most 500 characters) from any
 * state before shipping (NEW, CONFIRMED, AWAITING_PAYMENT, PAID, READY_TO_SHIP); a shipped, delivered
 * or cancelled order cannot be cancelled, and cancelling one already cancelled changes nothing. Every
 * cancellation, by staff or by a rule (payment timeout, unreachable customer, refusal, refund),
 * releases the order's stock reservations in the same write and takes it off the payment-deadline
 * index. Decides only; no I/O.
 */
public final class CancellationPolicy {
  /** Longest cancellation reason staff may give. */
  public static final int MAX_REASON_LENGTH = 500;

  /** A staff cancellation with the staff member's reason; null when the order is already cancelled. */
  public OrderChange cancelByStaff(OrderFile f, String by, String reason, Instant now) {
    if (f.order().status() == OrderStatus.CANCELLED) {
      return null;
    }
    Transitions.requireAllowed(f.order(), OrderStatus.CANCELLED);
    return cancel(new OrderChange(f, now), by, reason, reason);
  }

  /**
   * Adds the cancellation to a change: status CANCELLED by {@code by} because of {@code why}, the
   * reason code kept on the order, the order off the due-work index (its stock is released by the write,
   * see {@link OrderChange#releasesStock()}).
   */
  public static OrderChange cancel(OrderChange c, String by, String code, String why) {
    Order o = c.after();
    return c.moved(OrderLifecycle.transition(o, OrderStatus.CANCELLED, c.at(), by, why)).cancelReason(code)
        .removeDue();
  }
}
