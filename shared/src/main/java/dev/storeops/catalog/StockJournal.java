package dev.storeops.catalog;

import java.util.List;

/** A SKU's movement journal, newest first (DynamoDB in production: {@code catalog/dynamo/DynamoStockJournal}). */
public interface StockJournal {
  /** One page of movements and the cursor of the next page ({@code null}: no more). */
  record Page(List<StockMovement> movements, String next) {}

  /** Movements of {@code sku} in every warehouse, newest first; {@code cursor} is a {@link Page#next()} or null. */
  Page movements(String sku, int limit, String cursor);
}
