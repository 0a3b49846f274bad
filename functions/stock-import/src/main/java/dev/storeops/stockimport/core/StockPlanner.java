package dev.storeops.stockimport.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a parsed file with the supplier's stored stock: only SKUs whose quantity (or mapped
 * name, price, expiry) changed are written; SKUs the supplier listed before but not now are zeroed
 * ({@code missing: zero}) or kept; and the safety stop refuses the whole file when it has no valid
 * row or would zero more than {@code maxZeroShare} of the SKUs the supplier has in stock
 * ({@link SafetyStopPolicy}).
 */
public final class StockPlanner {
  private StockPlanner() {}

  public static ImportPlan plan(ParsedFile file, Map<String, CurrentStock> current, SupplierProfile profile) {
    return plan(file.lines(), file.rejectedCount(), current, profile);
  }

  /** The plan for one warehouse's lines of a file ({@code warehouseColumns}: one plan per warehouse). */
  public static ImportPlan plan(Map<String, FileLine> lines, long rejectedCount, Map<String, CurrentStock> current,
      SupplierProfile profile) {
    long stocked = current.values().stream().filter(c -> c.onHand() > 0).count();
    var empty = SafetyStopPolicy.emptyFile(lines.size(), rejectedCount);
    if (empty.isPresent()) {
      return new ImportPlan(List.of(), 0, 0, stocked, empty.get());
    }
    List<StockChange> changes = new ArrayList<>();
    long unchanged = 0;
    long zeroed = 0;
    for (FileLine line : lines.values()) {
      CurrentStock now = current.get(line.sku());
      if (now == null) {
        changes.add(new StockChange(line.sku(), line.quantity(), null, line.name(), line.priceMinor(),
            line.expiresAt(), StockChange.Kind.CREATE_OR_CLAIM, null, profile.priorityOf(line.sku())));
        continue;
      }
      boolean same = now.onHand() == line.quantity()
          && (line.name() == null || line.name().equals(now.supplierName()))
          && (line.priceMinor() == null || line.priceMinor().equals(now.supplierPrice()))
          && (line.expiresAt() == null || line.expiresAt().equals(now.expiresAt()))
          && java.util.Objects.equals(profile.priorityOf(line.sku()), now.priority());
      if (same) {
        unchanged++;
        continue;
      }
      if (line.quantity() == 0 && now.onHand() > 0) {
        zeroed++;
      }
      changes.add(new StockChange(line.sku(), line.quantity(), now.reserved(), line.name(), line.priceMinor(),
          line.expiresAt(), StockChange.Kind.UPDATE, now.onHand(), profile.priorityOf(line.sku())));
    }
    if (profile.missingMode() == SupplierProfile.Missing.ZERO) {
      for (CurrentStock now : current.values()) {
        if (!lines.containsKey(now.sku()) && now.onHand() > 0) {
          zeroed++;
          changes.add(new StockChange(now.sku(), 0, now.reserved(), null, null, null, StockChange.Kind.ZERO, now.onHand(),
              profile.priorityOf(now.sku())));
        }
      }
    }
    var tooMany = SafetyStopPolicy.tooManyZeroed(zeroed, stocked, profile.zeroShareLimit());
    if (tooMany.isPresent()) {
      return new ImportPlan(List.of(), unchanged, zeroed, stocked, tooMany.get());
    }
    return new ImportPlan(List.copyOf(changes), unchanged, zeroed, stocked, null);
  }

}
