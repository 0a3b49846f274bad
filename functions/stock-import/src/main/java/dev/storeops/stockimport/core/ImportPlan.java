package dev.storeops.stockimport.core;

import java.util.List;

/**
 * What an import will write. {@code refusal} non-null = safety stop: nothing is written.
 *
 * @param stocked this supplier's items with stock ({@code onHand > 0}) before the import
 */
public record ImportPlan(List<StockChange> changes, long unchanged, long zeroed, long stocked, String refusal) {
  public boolean refused() {
    return refusal != null;
  }
}
