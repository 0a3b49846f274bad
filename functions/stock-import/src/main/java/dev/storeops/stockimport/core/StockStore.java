package dev.storeops.stockimport.core;

import dev.storeops.catalog.StockLedger;
import java.time.Instant;
import java.util.Map;

/** Stock items in the store table, as the import needs them. */
public interface StockStore {
  /** A written count: the levels it replaced ({@code null}: the item is new) and the levels after it. */
  record Written(String sku, StockLedger.Levels before, StockLedger.Levels after) {}

  /** Every stock item this supplier feeds in this warehouse, by SKU. */
  Map<String, CurrentStock> supplierStock(String supplierId, String warehouse);

  /**
   * Sets the item's {@code onHand} (and supplier fields), {@code available = max(0, onHand − reserved)}
   * under a condition on the {@code onHand} and {@code reserved} values read, with its journal entry
   * (movement {@code supplier-import}, ref {@code file}) in the same transaction; re-reads and retries
   * when an order changed it.
   */
  Written write(String supplierId, String warehouse, StockChange change, Instant now, String file);
}
