package dev.storeops.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An oversold order is never silent (docs/stock-ledger.md): when a supplier's file or a staff count
 * leaves fewer units on hand than the open orders hold ({@code onHand < reserved}) on a SKU in a
 * warehouse, every order holding it there is flagged short — with a line "holds {@code held}, on hand
 * {@code onHand}" — and its manager gets one task per order × SKU × warehouse. When a later count
 * covers the holds again ({@code onHand ≥ reserved}) the line is cleared; an order that ships or is
 * cancelled holds nothing and loses its flag in the same write.
 */
public final class ShortStockPolicy {
  /** The staff task's kind. */
  public static final String TASK_KIND = "SHORT_STOCK";
  /** When the manager should have decided (call the customer: wait, fewer units, another warehouse, cancel). */
  public static final Duration TASK_DUE = Duration.ofHours(2);

  /** Who counted the stock. */
  public enum Source { SUPPLIER, STAFF, POINT_SALE }

  private ShortStockPolicy() {}

  /** Fewer units on hand than the orders hold. */
  public static boolean isShort(StockLedger.Levels levels) {
    return levels.onHand() < levels.reserved();
  }

  /**
   * Whether a count must look at the holders: the row is short now (flag them) or was short before
   * (clear them). A count that leaves a row covered that was covered before changes no flag.
   */
  public static boolean concerns(StockLedger.Levels before, StockLedger.Levels after) {
    return isShort(after) || (before != null && isShort(before));
  }

  /**
   * The order's short lines after a count of {@code hold}'s SKU and warehouse: the line for that SKU
   * and warehouse set when the row is short, removed when it is covered; the other lines as they were.
   */
  public static List<ShortLine> linesAfter(List<ShortLine> current, Hold hold, StockLedger.Levels counted) {
    List<ShortLine> lines = new ArrayList<>();
    for (ShortLine l : current) {
      if (!(l.sku().equals(hold.sku()) && l.warehouse().equals(hold.warehouse()))) {
        lines.add(l);
      }
    }
    if (isShort(counted)) {
      lines.add(new ShortLine(hold.sku(), hold.warehouse(), hold.qty(), counted.onHand()));
    }
    return lines;
  }

  /** One task per order × SKU × warehouse: a repeated count of the same file opens nothing new. */
  public static String taskId(String orderId, String sku, String warehouse) {
    return "short-stock_" + orderId + "_" + sku + "_" + warehouse;
  }

  /** What the manager reads: "Supplier now has 2 of INT-CUT in msk-1, order 261130-AB holds 5: …". */
  public static String taskTitle(Source source, String orderNumber, ShortLine line) {
    String counted = switch (source) {
      case SUPPLIER -> "Supplier now has ";
      case STAFF -> "Stock counted by staff: ";
      case POINT_SALE -> "After a sale at the shop point: ";
    };
    return counted + line.onHand() + " of " + line.sku() + " in " + line.warehouse() + ", order " + orderNumber
        + " holds " + line.held() + ": call the customer (wait, fewer units or cancel)";
  }
}
