package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import java.util.List;

/** The "illegal transition" conflict the policies raise when the order's state machine forbids a move. */
final class Transitions {
  private Transitions() {}

  static void requireAllowed(Order o, OrderStatus to) {
    if (!OrderLifecycle.allowed(o.status(), to)) {
      throw illegal(o.status(), "an order cannot go from " + o.status() + " to " + to);
    }
  }

  static Conflict illegal(OrderStatus from, String detail) {
    return new Conflict("illegal-transition", detail,
        List.of(new FieldError("status", "is " + from + "; allowed next: " + OrderLifecycle.next(from))));
  }
}
