package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The movement journal explains every stock row (docs/stock-ledger.md, "The movement journal"): per SKU ×
 * warehouse, the oldest entry's {@code onHandBefore} / {@code reservedBefore} plus the sum of every
 * entry's {@code onHandChange} / {@code reservedChange} is the row's {@code onHand} / {@code reserved}
 * now. A movement written without its entry (or an entry without its movement) breaks it. Rows with no
 * journal, or whose oldest entry has no before-values (stock of local mode's demo data first touched by a
 * reservation), are not judged.
 */
public final class JournalAddsUpInvariant implements Invariant {
  @Override
  public String name() {
    return "journal adds up";
  }

  @Override
  public List<String> check(ShopState state) {
    Map<String, List<ShopState.Movement>> byRow = new TreeMap<>();
    for (ShopState.Movement m : state.journal()) {
      byRow.computeIfAbsent(m.sku() + "/" + m.warehouse(), k -> new ArrayList<>()).add(m);
    }
    List<String> broken = new ArrayList<>();
    for (ShopState.Stock row : state.stock()) {
      List<ShopState.Movement> entries = byRow.get(row.sku() + "/" + row.warehouse());
      if (entries == null) {
        continue;
      }
      entries.sort(Comparator.comparing(ShopState.Movement::key));
      ShopState.Movement first = entries.get(0);
      if (first.onHandBefore() == null || first.reservedBefore() == null) {
        continue;
      }
      long onHand = first.onHandBefore();
      long reserved = first.reservedBefore();
      for (ShopState.Movement m : entries) {
        onHand += m.onHandChange();
        reserved += m.reservedChange();
      }
      if (onHand != row.onHand() || reserved != row.reserved()) {
        broken.add(row.sku() + " in " + row.warehouse() + ": the journal (" + entries.size() + " entries) adds up to onHand "
            + onHand + ", reserved " + reserved + " but the row says onHand " + row.onHand() + ", reserved " + row.reserved());
      }
    }
    return broken;
  }
}
