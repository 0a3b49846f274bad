package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A till receipt moves the point's stock once (docs/points.md): every recorded receipt has exactly one
 * {@code point-sale} journal entry per SKU it sold (ref {@code receipt:<point>/<number>}), and no such
 * entry exists without its receipt — however often the till posted it and however often its daily
 * export was uploaded. (The stock rows themselves are judged by the ledger and journal invariants.)
 */
public final class PointSalesOnceInvariant implements Invariant {
  @Override
  public String name() {
    return "point sales once";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Map<String, Integer> entries = new HashMap<>();
    for (ShopState.Movement m : state.journal()) {
      if ("point-sale".equals(m.movement())) {
        entries.merge(m.ref() + "|" + m.sku(), 1, Integer::sum);
      }
    }
    for (ShopState.PointSaleRow sale : state.pointSales()) {
      for (String sku : sale.skus()) {
        String key = "receipt:" + sale.pointId() + "/" + sale.receipt() + "|" + sku;
        Integer n = entries.remove(key);
        if (n == null || n != 1) {
          broken.add("receipt " + sale.receipt() + " of point " + sale.pointId() + ": " + (n == null ? 0 : n)
              + " point-sale journal entries for " + sku + ", expected 1");
        }
      }
    }
    entries.forEach((key, n) -> broken.add("point-sale journal entry " + key + " (" + n + ") without its receipt"));
    return broken;
  }
}
