package dev.storeops.catalog;

import java.time.Instant;
import java.util.List;

/** What the stock import recorded about a SKU's prices ({@link ReadPriceHistory}). */
public interface PriceHistory {
  /**
   * The prices one supplier's file set for the SKU (kopecks; null: the file had no such column).
   *
   * @param at when the import set them
   * @param journal false for a supplier's current prices set before the journal existed (their time is the
   *     last change, and older values are not known)
   */
  record SupplierPrices(Instant at, String supplierId, Long purchasePriceMinor, Long retailPriceMinor,
      Long minRetailPriceMinor, String file, boolean journal) {}

  /** A change of the shop's own price of the product (by a supplier's price rule). */
  record ShopPriceChange(Instant at, Long oldPriceMinor, long newPriceMinor, String source, String file, String why) {}

  /** Every journal entry of supplier prices for the SKU, any order. */
  List<SupplierPrices> supplierJournal(String sku);

  /** Each supplier's current prices for the SKU. */
  List<SupplierPrices> currentSupplierPrices(String sku);

  /** Every shop-price change of the product, any order. */
  List<ShopPriceChange> shopPriceChanges(String sku);
}
