package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order is announced exactly once: within {@link NoOrderStuckInvariant#SLACK} of its creation its
 * confirmation is queued and its manager assigned and notified (or, with nobody on shift, the ops alert
 * sent); the customer got exactly one confirmation mail; and each manager's {@code openOrders} counts
 * exactly the open orders assigned to them (an order assigned twice would count twice).
 */
public final class AnnouncedOnceInvariant implements Invariant {
  static final String CONFIRMATION = "order-confirmation#";

  @Override
  public String name() {
    return "announced once";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Map<String, Integer> confirmations = new HashMap<>();
    for (ShopState.Mail m : state.mails()) {
      if (m.key() != null && m.key().startsWith(CONFIRMATION)) {
        confirmations.merge(m.key().substring(CONFIRMATION.length()), 1, Integer::sum);
      }
    }
    Map<String, Long> open = new HashMap<>();
    for (ShopState.OrderRow o : state.orders()) {
      if (o.open() && o.managerId() != null) {
        open.merge(o.managerId(), 1L, Long::sum);
      }
      int mails = confirmations.getOrDefault(o.id(), 0);
      if (mails > 1) {
        broken.add(o.id() + ": " + mails + " confirmation mails");
      }
      if (Duration.between(o.createdAt(), state.at()).compareTo(NoOrderStuckInvariant.SLACK) < 0
          || NoOrderStuckInvariant.SweptLater.exempt(state, o)) {
        continue;
      }
      boolean queued = o.markers().contains("confirmationQueuedAt");
      if (!queued || mails == 0) {
        broken.add(o.id() + " (created " + o.createdAt() + "): confirmation " + (o.markers().contains("confirmationQueuedAt")
            ? "queued but no mail sent" : "never queued"));
      }
      boolean managed = o.managerId() != null && o.markers().contains("managerNotifiedAt");
      // closed (cancelled, refunded) before order-events assigned anybody: a closed order gets nobody
      // (AcceptNewOrder), so no manager and no ops alert are owed
      boolean closedBeforeAnnounced = !o.open() && o.managerId() == null;
      if (!managed && !closedBeforeAnnounced && !o.markers().contains("unassignedAlertAt")) {
        broken.add(o.id() + " (created " + o.createdAt() + "): no manager assigned and notified, no ops alert");
      }
    }
    for (ShopState.Manager m : state.managers()) {
      long expected = open.getOrDefault(m.id(), 0L);
      if (m.openOrders() != expected) {
        broken.add("manager " + m.id() + ": openOrders " + m.openOrders() + " but " + expected + " open orders are assigned");
      }
    }
    return broken;
  }
}
