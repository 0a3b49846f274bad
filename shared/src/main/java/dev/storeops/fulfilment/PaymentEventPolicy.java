package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a payment provider's event does to an order. SUCCEEDED for the exact total and currency on an
 * order awaiting payment → paid and ready to ship ({@link PaidOrderShipsPolicy}); a different amount or
 * currency → flagged MISMATCH for staff; a payment in any other state → flagged UNEXPECTED. FAILED on a
 * card order awaiting payment → FAILED_CALL (staff call the customer); otherwise only recorded.
 * REFUNDED before shipping → cancelled REFUNDED (stock released); after shipping → flagged for a
 * return. Each event is recorded on the order with its outcome and claimed once by its id, so a
 * repeated delivery changes nothing. Decides only; no I/O.
 */
public final class PaymentEventPolicy {
  /** Who moves the order on a payment event. */
  public static final String BY = "rule:payment-webhook";
  /** Who cancels a refunded order (picks the customer's reason text). */
  public static final String BY_REFUND = "rule:refund";
  /** Cancellation reason code of a refund. */
  public static final String REFUND_REASON = "REFUNDED";

  /** Outcomes recorded with the event (the effects follow them). */
  public static final String PAID = "PAID";
  public static final String MISMATCH = "MISMATCH";
  public static final String UNEXPECTED = "UNEXPECTED";
  public static final String FAILED_CALL = "FAILED_CALL";
  public static final String FAILED = "FAILED";
  public static final String REFUNDED_CANCELLED = "REFUNDED_CANCELLED";
  public static final String REFUNDED = "REFUNDED";
  public static final String REFUNDED_AFTER_SHIPPING = "REFUNDED_AFTER_SHIPPING";
  /** The provider's notice of a refund storeops made for a return (docs/returns.md): recorded, no flag. */
  public static final String RETURN_REFUNDED = "RETURN_REFUNDED";

  private final PaidOrderShipsPolicy paidOrderShips = new PaidOrderShipsPolicy();

  /** The change of one event: the event claimed and recorded with its outcome, plus the move or flag it causes. */
  public OrderChange decide(OrderFile f, PaymentEvent e, Instant now) {
    Order o = f.order();
    OrderChange c = new OrderChange(f, now).claimEvent(e.eventId());
    String outcome;
    switch (e.type()) {
      case SUCCEEDED -> {
        if (e.amountMinor() != o.totalMinor() || !e.currency().equals(o.currency())) {
          outcome = MISMATCH;
          c.flag("payment " + e.paymentId() + " of " + e.amountMinor() + " " + e.currency()
              + " does not match the order total " + o.totalMinor() + " " + o.currency());
        } else if (o.status() == OrderStatus.AWAITING_PAYMENT) {
          outcome = PAID;
          c.moved(paidOrderShips.paid(o, e.paymentId(), now)).removeDue();
        } else {
          outcome = UNEXPECTED;
          c.flag("payment " + e.paymentId() + " arrived while the order was " + o.status());
        }
      }
      case FAILED -> outcome = o.status() == OrderStatus.AWAITING_PAYMENT && o.paymentMethod() == PaymentMethod.ONLINE_CARD
          ? FAILED_CALL : FAILED;
      case REFUNDED -> {
        if (OrderLifecycle.allowed(o.status(), OrderStatus.CANCELLED)) {
          outcome = REFUNDED_CANCELLED;
          CancellationPolicy.cancel(c, BY_REFUND, REFUND_REASON, "payment " + e.paymentId() + " refunded");
        } else if (o.status() == OrderStatus.CANCELLED) {
          outcome = REFUNDED;
        } else if (refundOfAReturn(f, e)) {
          outcome = RETURN_REFUNDED;
        } else {
          outcome = REFUNDED_AFTER_SHIPPING;
          c.flag("payment " + e.paymentId() + " refunded after the order was " + o.status());
        }
      }
      default -> throw new IllegalStateException("unknown type " + e.type());
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("eventId", e.eventId());
    p.put("paymentId", e.paymentId());
    p.put("type", e.type().name());
    p.put("amountMinor", e.amountMinor());
    p.put("currency", e.currency());
    p.put("receivedAt", now.toString());
    p.put("outcome", outcome);
    return c.payment(p);
  }

  /** Whether the refund event is the provider's notice of a return's refund (its refund id recorded on the return). */
  private static boolean refundOfAReturn(OrderFile f, PaymentEvent e) {
    for (Map<String, Object> r : f.returns()) {
      if (r.get("refund") instanceof Map<?, ?> refund && refund.get("refundId") != null
          && e.eventId().endsWith(refund.get("refundId").toString())) {
        return true;
      }
    }
    return false;
  }
}
