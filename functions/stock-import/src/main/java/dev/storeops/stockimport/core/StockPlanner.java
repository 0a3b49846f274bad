package dev.storeops.stockimport.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a parsed file with the supplier's stored stock: only SKUs whose quantity (or mapped
 * name, price, expiry) changed are written; SKUs the supplier listed before but not now are zeroed
 * ({@code missing: zero}) or kept; and the safety stop refuses the whole file when it has no valid
 * row or would zero more than {@code maxZeroShare} of the SKUs the supplier has in stock.
 */
public final class StockPlanner {
  private StockPlanner() {}

  public static ImportPlan plan(ParsedFile file, Map<String, CurrentStock> current, SupplierProfile profile) {
    long stocked = current.values().stream().filter(c -> c.onHand() > 0).count();
    if (file.lines().isEmpty()) {
      return new ImportPlan(List.of(), 0, 0, stocked, "the file has no valid row (" + file.rejectedCount()
          + " rejected): nothing was changed");
    }
    List<StockChange> changes = new ArrayList<>();
    long unchanged = 0;
    long zeroed = 0;
    for (FileLine line : file.lines().values()) {
      CurrentStock now = current.get(line.sku());
      if (now == null) {
        changes.add(new StockChange(line.sku(), line.quantity(), null, line.name(), line.priceMinor(),
            line.expiresAt(), StockChange.Kind.CREATE_OR_CLAIM));
        continue;
      }
      boolean same = now.onHand() == line.quantity()
          && (line.name() == null || line.name().equals(now.supplierName()))
          && (line.priceMinor() == null || line.priceMinor().equals(now.supplierPrice()))
          && (line.expiresAt() == null || line.expiresAt().equals(now.expiresAt()));
      if (same) {
        unchanged++;
        continue;
      }
      if (line.quantity() == 0 && now.onHand() > 0) {
        zeroed++;
      }
      changes.add(new StockChange(line.sku(), line.quantity(), now.reserved(), line.name(), line.priceMinor(),
          line.expiresAt(), StockChange.Kind.UPDATE));
    }
    if (profile.missingMode() == SupplierProfile.Missing.ZERO) {
      for (CurrentStock now : current.values()) {
        if (!file.lines().containsKey(now.sku()) && now.onHand() > 0) {
          zeroed++;
          changes.add(new StockChange(now.sku(), 0, now.reserved(), null, null, null, StockChange.Kind.ZERO));
        }
      }
    }
    if (stocked > 0 && (double) zeroed / stocked > profile.zeroShareLimit()) {
      return new ImportPlan(List.of(), unchanged, zeroed, stocked, String.format(java.util.Locale.ROOT,
          "the file would set %d of the %d SKUs this supplier has in stock to zero (%.0f%% > maxZeroShare %.0f%%):"
              + " nothing was changed", zeroed, stocked, 100.0 * zeroed / stocked, 100 * profile.zeroShareLimit()));
    }
    return new ImportPlan(List.copyOf(changes), unchanged, zeroed, stocked, null);
  }

}
