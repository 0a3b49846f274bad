package dev.storeops.stockimport.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Supplier prices per SKU × supplier, and the shop price of a product with its price history. */
public interface SupplierPriceStore {
  /** A price change of a product's shop price, as written down in its price history. */
  record ShopPriceChange(String sku, Long oldPriceMinor, long newPriceMinor) {}

  /** The prices this supplier's files set so far, by SKU. */
  Map<String, PriceLine> supplierPrices(String supplierId);

  /** Stores the SKU's prices from this supplier (purchase, retail, minimum retail; absent ones removed). */
  void write(String supplierId, PriceLine prices, Instant now, String file);

  /**
   * Sets the product's shop price when it exists and differs, with a price-history entry (old → new,
   * supplier, file) in the same transaction; empty when there is no product or nothing to change.
   */
  Optional<ShopPriceChange> setShopPrice(String sku, long priceMinor, String supplierId, Instant now, String file,
      String why);
}
