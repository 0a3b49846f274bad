package dev.storeops.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who takes a new order: the customer's previous manager when on shift, else the on-shift manager
 * with the fewest open orders (ties: the smaller id, so the choice is deterministic). Plain Java.
 */
public final class ManagerChoice {
  private ManagerChoice() {}

  public static Optional<Manager> choose(String previousManagerId, List<Manager> managers) {
    if (previousManagerId != null) {
      Optional<Manager> previous = managers.stream()
          .filter(m -> m.id().equals(previousManagerId) && m.onShift()).findFirst();
      if (previous.isPresent()) {
        return previous;
      }
    }
    return managers.stream().filter(Manager::onShift)
        .min(Comparator.comparingLong(Manager::openOrders).thenComparing(Manager::id));
  }
}
