package dev.storeops.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Manager assignment: a new order goes to the customer's previous manager when that manager is on
 * shift, else to the on-shift manager with the fewest open orders (ties: the smaller id, so the choice
 * is deterministic); with nobody on shift the order stays unassigned. Decides only; plain Java, no I/O.
 */
public final class ManagerAssignmentPolicy {
  private ManagerAssignmentPolicy() {}

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
