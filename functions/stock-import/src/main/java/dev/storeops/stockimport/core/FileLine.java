package dev.storeops.stockimport.core;

/**
 * A SKU's figures in one file (quantities of repeated rows summed).
 *
 * @param priceMinor supplier price in kopecks, {@code null} when not mapped or not readable
 * @param expiresAt yyyy-MM-dd, {@code null} when not mapped or not readable
 */
public record FileLine(String sku, long quantity, String name, Long priceMinor, String expiresAt, long firstRow) {
  FileLine plus(long more) {
    return new FileLine(sku, Math.min(quantity + more, QuantityParser.MAX_QUANTITY), name, priceMinor, expiresAt,
        firstRow);
  }
}
