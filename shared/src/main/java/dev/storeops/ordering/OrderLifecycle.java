package dev.storeops.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single place where an order's status is set: the explicit state machine of an order's life.
 *
 * <pre>
 * NEW (cash on delivery) ── phone confirmation ──▶ CONFIRMED ──▶ READY_TO_SHIP
 * AWAITING_PAYMENT (prepaid) ── payment ──▶ PAID ──▶ READY_TO_SHIP
 * READY_TO_SHIP ──▶ SHIPPED ──▶ DELIVERED
 * SHIPPED ── refused / not collected ──▶ RETURNING ── arrived back ──▶ RETURNED
 * CANCELLED(reason) from every state before SHIPPED
 * </pre>
 *
 * Order intake uses {@link #initialStatus} and {@link #created}; every later change goes through
 * {@link #transition}, which refuses a pair the machine does not allow.
 */
public final class OrderLifecycle {
  /** States an order never leaves. */
  public static final Set<OrderStatus> FINAL = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED,
      OrderStatus.RETURNED);

  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = new EnumMap<>(OrderStatus.class);

  static {
    ALLOWED.put(OrderStatus.NEW, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED));
    ALLOWED.put(OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.READY_TO_SHIP, OrderStatus.CANCELLED));
    ALLOWED.put(OrderStatus.AWAITING_PAYMENT, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED));
    ALLOWED.put(OrderStatus.PAID, EnumSet.of(OrderStatus.READY_TO_SHIP, OrderStatus.CANCELLED));
    ALLOWED.put(OrderStatus.READY_TO_SHIP, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED));
    ALLOWED.put(OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED, OrderStatus.RETURNING));
    ALLOWED.put(OrderStatus.RETURNING, EnumSet.of(OrderStatus.RETURNED));
    ALLOWED.put(OrderStatus.RETURNED, EnumSet.noneOf(OrderStatus.class));
    ALLOWED.put(OrderStatus.DELIVERED, EnumSet.noneOf(OrderStatus.class));
    ALLOWED.put(OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));
  }

  private OrderLifecycle() {}

  /** Prepaid orders wait for payment; cash-on-delivery orders start as NEW (to be confirmed by phone). */
  public static OrderStatus initialStatus(PaymentMethod method) {
    return method.prepaid() ? OrderStatus.AWAITING_PAYMENT : OrderStatus.NEW;
  }

  /** The first history entry of a new order. */
  public static List<StatusChange> created(PaymentMethod method, Instant at, String by) {
    return List.of(new StatusChange(at, initialStatus(method), by, "created"));
  }

  /** Whether the machine allows {@code from → to}. */
  public static boolean allowed(OrderStatus from, OrderStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** The states reachable from {@code from} in one step. */
  public static Set<OrderStatus> next(OrderStatus from) {
    Set<OrderStatus> next = ALLOWED.get(from);
    return next.isEmpty() ? EnumSet.noneOf(OrderStatus.class) : EnumSet.copyOf(next);
  }

  /**
   * Moves the order to {@code to}, recording when, who (a staff id or {@code rule:<name>}) and why.
   *
   * @throws IllegalTransitionException when the machine does not allow the pair
   */
  public static Order transition(Order order, OrderStatus to, Instant at, String by, String reason) {
    if (!allowed(order.status(), to)) {
      throw new IllegalTransitionException(order.status(), to);
    }
    List<StatusChange> history = new ArrayList<>(order.statusHistory());
    history.add(new StatusChange(at, to, by, reason));
    return order.withStatus(to, history, at);
  }

  /** A status change the order's life does not allow. */
  public static final class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
      super("an order cannot go from " + from + " to " + to, null, false, false);
      this.from = from;
      this.to = to;
    }

    public OrderStatus from() {
      return from;
    }

    public OrderStatus to() {
      return to;
    }
  }
}
