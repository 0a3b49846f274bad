package dev.storeops.sim.invariants;

import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;

/**
 * Every order's history is a walk of the state machine ({@code ordering/OrderLifecycle}): it starts in
 * the initial status of its payment method, each step is an allowed pair, and the order's status is
 * the last step.
 */
public final class LegalTransitionsInvariant implements Invariant {
  @Override
  public String name() {
    return "legal transitions";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    for (ShopState.OrderRow o : state.orders()) {
      List<ShopState.Change> h = o.history();
      if (h.isEmpty()) {
        broken.add(o.id() + ": no status history");
        continue;
      }
      OrderStatus initial = OrderLifecycle.initialStatus(PaymentMethod.valueOf(o.paymentMethod()));
      if (!h.get(0).status().equals(initial.name())) {
        broken.add(o.id() + ": starts " + h.get(0).status() + ", a " + o.paymentMethod() + " order starts " + initial);
      }
      for (int i = 1; i < h.size(); i++) {
        OrderStatus from = OrderStatus.valueOf(h.get(i - 1).status());
        OrderStatus to = OrderStatus.valueOf(h.get(i).status());
        if (!OrderLifecycle.allowed(from, to)) {
          broken.add(o.id() + ": " + from + " → " + to + " (by " + h.get(i).by() + ") is not allowed");
        }
      }
      if (!h.get(h.size() - 1).status().equals(o.status())) {
        broken.add(o.id() + ": status " + o.status() + " but its history ends " + h.get(h.size() - 1).status());
      }
    }
    return broken;
  }
}
