package dev.storeops.shared.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The single place where an order's status is set. Order intake uses {@link #initialStatus} and
 * {@link #created}; the payment/follow-up work extends {@link #transition} with the full state machine.
 */
public final class OrderLifecycle {
  /** States an order never leaves. */
  public static final Set<OrderStatus> FINAL = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED);

  private OrderLifecycle() {}

  /** Prepaid orders wait for payment; cash-on-delivery orders start as NEW (to be confirmed by phone). */
  public static OrderStatus initialStatus(PaymentMethod method) {
    return method.prepaid() ? OrderStatus.AWAITING_PAYMENT : OrderStatus.NEW;
  }

  /** The first history entry of a new order. */
  public static List<StatusChange> created(PaymentMethod method, Instant at, String by) {
    return List.of(new StatusChange(at, initialStatus(method), by, "created"));
  }

  /** Moves the order to {@code to}, recording when, who and why; a final state cannot be left. */
  public static Order transition(Order order, OrderStatus to, Instant at, String by, String reason) {
    if (FINAL.contains(order.status())) {
      throw new IllegalTransitionException(order.status(), to);
    }
    List<StatusChange> history = new ArrayList<>(order.statusHistory());
    history.add(new StatusChange(at, to, by, reason));
    return order.withStatus(to, history, at);
  }

  /** A status change the order's life does not allow. */
  public static final class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
      super("an order cannot go from " + from + " to " + to, null, false, false);
    }
  }
}
