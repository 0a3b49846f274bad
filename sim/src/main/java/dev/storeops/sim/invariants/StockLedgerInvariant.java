package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock ledger (docs/stock-ledger.md): for every SKU × warehouse, {@code available = max(0, onHand −
 * reserved)}, none of the three negative, and {@code reserved} = the sum of the reservations of the
 * orders that still hold stock (not shipped, delivered nor cancelled).
 */
public final class StockLedgerInvariant implements Invariant {
  @Override
  public String name() {
    return "stock ledger";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Map<String, Long> held = new HashMap<>();
    for (ShopState.OrderRow o : state.orders()) {
      if (o.holdsStock()) {
        for (ShopState.Line l : o.reservations()) {
          held.merge(l.sku() + "/" + l.warehouse(), l.qty(), Long::sum);
        }
      }
    }
    for (ShopState.PendingMoves p : state.pendingMoves()) {
      for (ShopState.Line l : p.rows()) {
        held.merge(l.sku() + "/" + l.warehouse(), l.qty(), Long::sum);
      }
    }
    Map<String, Long> seen = new HashMap<>();
    for (ShopState.Stock s : state.stock()) {
      String key = s.sku() + "/" + s.warehouse();
      seen.put(key, s.reserved());
      if (s.onHand() < 0 || s.reserved() < 0 || s.available() < 0) {
        broken.add(key + ": negative (onHand " + s.onHand() + ", reserved " + s.reserved() + ", available "
            + s.available() + ")");
      }
      long expected = Math.max(0, s.onHand() - s.reserved());
      if (s.available() != expected) {
        broken.add(key + ": available " + s.available() + " but max(0, onHand " + s.onHand() + " − reserved "
            + s.reserved() + ") = " + expected);
      }
      long open = held.getOrDefault(key, 0L);
      if (s.reserved() != open) {
        broken.add(key + ": reserved " + s.reserved() + " but the open holds (orders holding stock, pending moves) are " + open);
      }
    }
    held.forEach((key, qty) -> {
      if (!seen.containsKey(key) && qty > 0) {
        broken.add(key + ": open orders hold " + qty + " but there is no stock item");
      }
    });
    return broken;
  }
}
