package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns balance the stock ledger (docs/returns.md): per order, the units its journal entries
 * {@code return-to-stock} and {@code write-off} carry (journal {@code ref} = the order) = the units of its
 * returns after delivery + every unit it shipped when its refused parcel is back (RETURNED); a parcel still
 * on its way back (RETURNING) has nothing restocked yet. So a unit comes back once, and never without its
 * return or refusal.
 */
public final class ReturnsLedgerInvariant implements Invariant {
  @Override
  public String name() {
    return "returns balance the ledger";
  }

  @Override
  public List<String> check(ShopState state) {
    Map<String, Long> journaled = new HashMap<>();
    for (ShopState.Movement m : state.journal()) {
      if (("return-to-stock".equals(m.movement()) || "write-off".equals(m.movement())) && m.ref() != null) {
        journaled.merge(m.ref(), m.qty(), Long::sum);
      }
    }
    List<String> broken = new ArrayList<>();
    for (ShopState.OrderRow o : state.orders()) {
      long expected = o.returns().stream().mapToLong(ShopState.Returned::units).sum();
      if (o.status().equals("RETURNED")) {
        expected += o.reservations().stream().mapToLong(ShopState.Line::qty).sum();
      }
      long found = journaled.getOrDefault(o.id(), 0L);
      if (found != expected) {
        broken.add(o.id() + " (" + o.status() + ", " + o.returns().size() + " returns): " + expected
            + " units came back but the journal has " + found + " returned or written off");
      }
      journaled.remove(o.id());
    }
    journaled.forEach((ref, qty) -> broken.add("the journal returns " + qty + " units for " + ref
        + ", which is no order"));
    return broken;
  }
}
