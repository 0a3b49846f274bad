package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reservation holds (the stock-ledger contract: {@code SKU#<sku>} / {@code HOLD#<warehouse>#<orderId>},
 * {@code qty}): every order that still holds stock has one hold per SKU × warehouse with its quantity,
 * and no hold outlives its order's hold on the stock. A large order's rows listed as pending stock moves
 * (an intake whose order is not stored, the rest of a cancellation or shipment: docs/orders.md) keep their
 * holds open until they are written, so each listed row has its hold with the listed quantity too (the
 * {@code pending stock moves finished} invariant judges that they do not stay listed).
 */
public final class ReservationHoldsInvariant implements Invariant {
  @Override
  public String name() {
    return "reservation holds";
  }

  @Override
  public String pendingOn() {
    return "holds";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Map<String, Long> holds = new HashMap<>();
    state.holds().forEach(h -> holds.merge(h.sku() + "/" + h.warehouse() + "/" + h.orderId(), h.qty(), Long::sum));
    Map<String, Long> expected = new HashMap<>();
    for (ShopState.OrderRow o : state.orders()) {
      if (o.holdsStock()) {
        o.reservations().forEach(l -> expected.merge(l.sku() + "/" + l.warehouse() + "/" + o.id(), l.qty(), Long::sum));
      }
    }
    for (ShopState.PendingMoves p : state.pendingMoves()) {
      p.rows().forEach(l -> expected.merge(l.sku() + "/" + l.warehouse() + "/" + p.orderId(), l.qty(), Long::sum));
    }
    expected.forEach((key, qty) -> {
      Long h = holds.get(key);
      if (h == null || h.longValue() != qty) {
        broken.add(key + ": the order holds " + qty + " but its hold item says " + h);
      }
    });
    holds.forEach((key, qty) -> {
      if (!expected.containsKey(key) && qty > 0) {
        broken.add(key + ": hold of " + qty + " for an order that holds no stock there");
      }
    });
    return broken;
  }
}
