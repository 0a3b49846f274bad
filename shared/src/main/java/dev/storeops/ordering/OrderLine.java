package dev.storeops.ordering;

import dev.storeops.catalog.Product;

/** One line of an order, priced from the catalog at creation. Money in minor units (kopecks). */
public record OrderLine(String sku, String name, int qty, long unitPriceMinor, long lineTotalMinor) {
  public static OrderLine of(Product product, int qty) {
    return new OrderLine(product.sku(), product.name(), qty, product.priceMinor(),
        Math.multiplyExact(product.priceMinor(), (long) qty));
  }
}
