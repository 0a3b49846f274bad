package dev.storeops.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A catalog product. Price in minor units; weight in grams; dimensions in millimetres.
 *
 * @param vatCode the product's VAT rate as YooKassa's 54-FZ {@code vat_code} (1 no VAT, 2 0 %, 3 10 %, 4 20 %,
 *     5 10/110, 6 20/120, …); null: the shop's {@code DEFAULT_VAT_CODE}
 */
public record Product(String sku, String name, long priceMinor, String currency, int weightGrams,
    int lengthMm, int widthMm, int heightMm, String category, List<String> related, List<String> upsell,
    Instant updatedAt, Integer vatCode) {
  public Product {
    related = related == null ? List.of() : List.copyOf(related);
    upsell = upsell == null ? List.of() : List.copyOf(upsell);
  }

  /** A product with the shop's default VAT code. */
  public Product(String sku, String name, long priceMinor, String currency, int weightGrams, int lengthMm,
      int widthMm, int heightMm, String category, List<String> related, List<String> upsell, Instant updatedAt) {
    this(sku, name, priceMinor, currency, weightGrams, lengthMm, widthMm, heightMm, category, related, upsell,
        updatedAt, null);
  }
}
