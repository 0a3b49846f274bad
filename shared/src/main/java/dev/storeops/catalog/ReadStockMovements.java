package dev.storeops.catalog;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.NotFound;

/**
 * Staff read why the stock of a SKU changed: its movement journal, newest first, a page at a time
 * ({@code GET /staff/stock/{sku}/movements?limit=&cursor=}; {@code next} is the cursor's older name).
 */
public final class ReadStockMovements {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private final Catalog catalog;
  private final StockJournal journal;

  public ReadStockMovements(Catalog catalog, StockJournal journal) {
    this.catalog = catalog;
    this.journal = journal;
  }

  /** The page; 404 for a SKU that is neither a product nor stocked anywhere, 400 for a bad limit. */
  public StockJournal.Page read(String sku, String limit, String cursor) {
    int n = PageCursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (!Identifiers.validSku(sku) || (catalog.product(sku).isEmpty() && catalog.stock(sku).isEmpty())) {
      throw new NotFound("SKU " + sku);
    }
    return journal.movements(sku, n, cursor == null || cursor.isBlank() ? null : cursor);
  }
}
