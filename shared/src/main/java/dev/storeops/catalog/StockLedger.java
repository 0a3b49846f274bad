package dev.storeops.catalog;

/**
 * The stock movements that end a reservation (docs/stock-ledger.md), as absolute values: the
 * invariant {@code available = max(0, onHand − reserved)} holds after each, and nothing goes below 0.
 * Decides only; the writer conditions the absolute values on {@code onHand} and {@code reserved} as read.
 */
public final class StockLedger {
  private StockLedger() {}

  /** The stock as the ledger keeps it: {@code available} derived from {@code onHand} and {@code reserved}. */
  public record Levels(long onHand, long reserved, long available) {
    public static Levels of(long onHand, long reserved) {
      long h = Math.max(0, onHand);
      long r = Math.max(0, reserved);
      return new Levels(h, r, Math.max(0, h - r));
    }
  }

  /**
   * Release on cancel or expiry: the units go back to the shelf, but never more than is on hand
   * ({@code reserved −= q}, {@code available = max(0, onHand − reserved)}).
   */
  public static Levels release(long onHand, long reserved, long qty) {
    return Levels.of(onHand, reserved - qty);
  }

  /** Consume on ship: the units leave the warehouse ({@code reserved −= q}, {@code onHand −= q}). */
  public static Levels consume(long onHand, long reserved, long qty) {
    return Levels.of(onHand - qty, reserved - qty);
  }

  /** Return to stock: returned units go back on the shelf ({@code onHand += q}; {@code reserved} unchanged). */
  public static Levels restock(long onHand, long reserved, long qty) {
    return Levels.of(onHand + qty, reserved);
  }

  /**
   * Write-off of returned units that came back unusable: they left the warehouse when the order shipped
   * and never re-enter it, so the levels stay as they are; the journal records the units (docs/returns.md).
   */
  public static Levels writeOff(long onHand, long reserved) {
    return Levels.of(onHand, reserved);
  }

  /**
   * A sale at a shop point's till: the units leave the point ({@code onHand −= q}, not below 0);
   * {@code reserved} is the orders' and stays, so a sale can leave {@code onHand < reserved} (the orders
   * holding the row are then flagged short: {@link ShortStockPolicy}).
   */
  public static Levels pointSale(long onHand, long reserved, long qty) {
    return Levels.of(onHand - qty, reserved);
  }
}
