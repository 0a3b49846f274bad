package dev.storeops.stockimport.core;

/**
 * A SKU's supplier prices in one file, in kopecks; {@code null} where the column is not mapped, the
 * cell is blank or unreadable.
 *
 * @param purchaseMinor what the shop pays the supplier (wholesale, «Опт»)
 * @param retailMinor the supplier's recommended retail price («Розничная»)
 * @param minRetailMinor the minimum retail price the supplier allows («МИЦ»)
 */
public record PriceLine(String sku, Long purchaseMinor, Long retailMinor, Long minRetailMinor, long row) {
  public boolean isEmpty() {
    return purchaseMinor == null && retailMinor == null && minRetailMinor == null;
  }
}
