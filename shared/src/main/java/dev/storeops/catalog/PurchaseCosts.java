package dev.storeops.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * The one place that answers "what does a unit of this SKU cost us in this warehouse now" (the
 * purchase price of the stock we would reserve). Order placement asks it for every reservation, so
 * each order line records the cost of the units it took (docs/money.md).
 *
 * <p>Today the answer is the {@code supplierPrice} the stock import stores on the stock item of the
 * SKU × warehouse (kopecks per unit). When purchase prices per SKU × supplier arrive (the suppliers
 * issue), only the implementation of this interface changes.
 */
public interface PurchaseCosts {
  /** A SKU in a warehouse. */
  record Source(String sku, String warehouse) {}

  /** Purchase price per unit, kopecks, for each source that has one; sources without a price are absent. */
  Map<Source, Long> unitCosts(Collection<Source> sources);

  /**
   * What a stock item says about its units: the supplier whose stock it is ({@code null}: the shop's
   * own) and the item's older {@code supplierPrice} column ({@code null}: none).
   */
  record Supplied(String supplierId, Long supplierPrice) {}

  /**
   * As {@link #unitCosts(Collection)}, with the stock items already read by the caller ({@code known}:
   * every source's stock item that exists), so an implementation need not read them again.
   */
  default Map<Source, Long> unitCosts(Collection<Source> sources, Map<Source, Supplied> known) {
    return unitCosts(sources);
  }

  /** No purchase prices known (tests, tools): every line's cost is unknown. */
  PurchaseCosts NONE = sources -> Map.of();
}
