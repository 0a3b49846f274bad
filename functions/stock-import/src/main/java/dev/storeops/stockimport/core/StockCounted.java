package dev.storeops.stockimport.core;

/**
 * What follows a supplier's count of a SKU: the wiring flags the orders the count leaves short, or
 * clears their flag (shared {@code fulfilment/FlagShortOrders}, rule {@code catalog/ShortStockPolicy}).
 */
@FunctionalInterface
public interface StockCounted {
  void counted(String supplierId, String warehouse, StockStore.Written written, String file);

  static StockCounted nothing() {
    return (supplierId, warehouse, written, file) -> {};
  }
}
