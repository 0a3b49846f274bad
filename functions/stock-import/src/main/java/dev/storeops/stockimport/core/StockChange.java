package dev.storeops.stockimport.core;

/**
 * One stock item to write: set {@code onHand}; {@code available = max(0, onHand − reserved)} is
 * computed against the {@code reserved} value read at write time (optimistic, retried on conflict).
 *
 * @param expectedReserved the reserved value seen when planning, {@code null} when the item was not
 *     among this supplier's items (it may not exist yet)
 * @param name/priceMinor/expiresAt supplier fields to set; {@code null} leaves the stored value
 * @param expectedOnHand the on-hand count seen when planning (the journal's "before"), {@code null} as above
 * @param priority the supplier's reservation priority to store ({@code null}: none, removed)
 */
public record StockChange(String sku, long onHand, Long expectedReserved, String name, Long priceMinor,
    String expiresAt, Kind kind, Long expectedOnHand, Integer priority) {
  public StockChange(String sku, long onHand, Long expectedReserved, String name, Long priceMinor,
      String expiresAt, Kind kind, Long expectedOnHand) {
    this(sku, onHand, expectedReserved, name, priceMinor, expiresAt, kind, expectedOnHand, null);
  }

  public enum Kind { CREATE_OR_CLAIM, UPDATE, ZERO }

  public static long available(long onHand, long reserved) {
    return Math.max(0, onHand - reserved);
  }
}
