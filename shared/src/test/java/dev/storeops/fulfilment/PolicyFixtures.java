package dev.storeops.fulfilment;

import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import java.time.Instant;
import java.util.List;

/** Orders as read, for the policy tests: no stores, no clock, just the order file a policy decides on. */
final class PolicyFixtures {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private PolicyFixtures() {}

  /** A new order of 1000 RUB in its initial status for the payment method. */
  static Order order(PaymentMethod method) {
    return new Order("ord_1", "261123-1", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("A1", "Tea", 2, 500, 1000)), 1000, 0, 1000, "RUB", null, method,
        OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, T0, "customer"), "mgr-1", null, "h",
        List.of(new Reservation("A1", "msk-1", 2)), T0, T0);
  }

  /** The order moved along {@code path} by staff. */
  static Order moved(Order o, OrderStatus... path) {
    Order m = o;
    for (OrderStatus s : path) {
      m = OrderLifecycle.transition(m, s, T0, "mgr-1", "test");
    }
    return m;
  }

  static OrderFile file(Order o) {
    return new OrderFile(o, 0, 0, null, null, null, List.of(), List.of(), null, null);
  }

  static OrderFile onIndex(Order o, String stage, Instant dueAt) {
    return new OrderFile(o, 1, 0, stage, dueAt, "sk", List.of(), List.of(), null, null);
  }

  static OrderFile withNoAnswerCalls(Order o, int n) {
    return new OrderFile(o, n, n, null, null, null, List.of(), List.of(), null, null);
  }
}
