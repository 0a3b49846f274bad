package dev.storeops.catalog;

import java.time.Instant;
import java.util.List;

/** A catalog product. Price in minor units; weight in grams; dimensions in millimetres. */
public record Product(String sku, String name, long priceMinor, String currency, int weightGrams,
    int lengthMm, int widthMm, int heightMm, String category, List<String> related, List<String> upsell,
    Instant updatedAt) {
  public Product {
    related = related == null ? List.of() : List.copyOf(related);
    upsell = upsell == null ? List.of() : List.copyOf(upsell);
  }
}
