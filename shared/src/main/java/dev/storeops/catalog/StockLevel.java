package dev.storeops.catalog;

/**
 * Stock of one SKU in one warehouse; {@code available = onHand − reserved}, never below 0.
 *
 * @param supplierId the supplier whose file feeds this stock, {@code null} for the shop's own stock
 * @param priority the supplier's reservation priority (lower first), {@code null} when it has none
 */
public record StockLevel(String sku, String warehouse, long onHand, long reserved, long available, String supplierId,
    Integer priority) {
  /** The shop's own stock (no supplier, no priority). */
  public StockLevel(String sku, String warehouse, long onHand, long reserved, long available) {
    this(sku, warehouse, onHand, reserved, available, null, null);
  }
}
