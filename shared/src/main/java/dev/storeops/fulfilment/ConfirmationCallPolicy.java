package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Confirmation calls: a new cash-on-delivery order must be confirmed by phone (its manager gets a
 * "confirm by phone" task). CONFIRMED → the order is confirmed and ready to ship; the Nth NO_ANSWER
 * (default 3 unanswered calls) → cancelled UNREACHABLE; REFUSED (on any order before shipping) →
 * cancelled REFUSED with the customer's reason. Every call is recorded on the order once by its call
 * id (a repeated request changes nothing); calls are logged only before the order is shipped or
 * closed. Decides only; no I/O.
 */
public final class ConfirmationCallPolicy {
  /** Cancellation reason codes. */
  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String REFUSED = "REFUSED";
  /** Who cancels an unreachable customer's order (picks the customer's reason text). */
  public static final String BY_UNREACHABLE = "rule:unreachable";
  public static final String BY_CONFIRMED_SHIPS = "rule:confirmed-order-ships";

  /** What a confirmation call came to. */
  public enum CallOutcome { CONFIRMED, REFUSED, NO_ANSWER }

  private final int maxNoAnswerCalls;

  public ConfirmationCallPolicy(int maxNoAnswerCalls) {
    this.maxNoAnswerCalls = maxNoAnswerCalls;
  }

  public static ConfirmationCallPolicy from(FlowSettings settings) {
    return new ConfirmationCallPolicy(settings.maxNoAnswerCalls());
  }

  /** Whether the order waits for a confirmation call: a new cash-on-delivery order. */
  public boolean needsCall(Order o) {
    return o.status() == OrderStatus.NEW && o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY;
  }

  /**
   * The change of one logged call; null when this call id was logged before.
   *
   * @throws dev.storeops.platform.errors.Conflict when the order is shipped or closed
   */
  public OrderChange decide(OrderFile f, String callId, String by, CallOutcome outcome, String reason, Instant now) {
    if (f.hasCall(callId)) {
      return null;
    }
    Order o = f.order();
    if (!OrderLifecycle.allowed(o.status(), OrderStatus.CANCELLED)) {
      throw Transitions.illegal(o.status(), "calls are logged only before the order is shipped or closed");
    }
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("id", callId);
    call.put("at", now.toString());
    call.put("by", by);
    call.put("outcome", outcome.name());
    if (reason != null) {
      call.put("reason", reason);
    }
    OrderChange c = new OrderChange(f, now).call(call);
    switch (outcome) {
      case CONFIRMED -> {
        if (o.status() == OrderStatus.NEW) {
          Order confirmed = OrderLifecycle.transition(o, OrderStatus.CONFIRMED, now, by, "confirmed by phone");
          c.moved(OrderLifecycle.transition(confirmed, OrderStatus.READY_TO_SHIP, now, BY_CONFIRMED_SHIPS,
              "cash-on-delivery order confirmed by phone"));
        }
      }
      case REFUSED -> CancellationPolicy.cancel(c, by, REFUSED, "refused by the customer: " + reason);
      case NO_ANSWER -> {
        int n = f.noAnswerCalls() + 1;
        c.noAnswerCalls(n);
        if (o.status() == OrderStatus.NEW && n >= maxNoAnswerCalls) {
          CancellationPolicy.cancel(c, BY_UNREACHABLE, UNREACHABLE, n + " calls without an answer");
        }
      }
      default -> throw new IllegalStateException();
    }
    return c;
  }
}
