package dev.storeops.stockimport.core;

import java.time.Instant;
import java.util.Map;

/** Stock items in the store table, as the import needs them. */
public interface StockStore {
  /** Every stock item this supplier feeds in this warehouse, by SKU. */
  Map<String, CurrentStock> supplierStock(String supplierId, String warehouse);

  /**
   * Sets the item's {@code onHand} (and supplier fields), {@code available = max(0, onHand − reserved)}
   * under a condition on the {@code reserved} value read; re-reads and retries when an order changed it.
   */
  void write(String supplierId, String warehouse, StockChange change, Instant now);
}
