package dev.storeops.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sale at a shop point's till (docs/points.md): one receipt, its lines and total, recorded once per
 * receipt number. {@code onHandAfter} of each line is what the point had left right after the sale
 * (the first result, answered again to a replay).
 *
 * @param source {@code api} (the till posted it) or {@code file:<S3 key>} (the till's daily export)
 */
public record PointSale(String pointId, String receiptNumber, Instant soldAt, List<Line> lines, long totalMinor,
    String recordedBy, Instant recordedAt, String source) {

  /**
   * A receipt line: {@code qty} units of {@code sku} at {@code priceMinor} kopecks each (the price charged).
   * {@code unitCostMinor} is what a unit of it cost us at the point when the sale was recorded (the
   * supplier's purchase price or the stock item's {@code supplierPrice}, catalog/PurchaseCosts;
   * {@code null}: unknown, never 0; docs/points.md#money).
   */
  public record Line(String sku, long qty, long priceMinor, Long onHandAfter, Long unitCostMinor) {
    public Line(String sku, long qty, long priceMinor) {
      this(sku, qty, priceMinor, null, null);
    }

    public Line(String sku, long qty, long priceMinor, Long onHandAfter) {
      this(sku, qty, priceMinor, onHandAfter, null);
    }

    public long amountMinor() {
      return qty * priceMinor;
    }
  }

  public PointSale {
    lines = List.copyOf(lines);
  }

  /**
   * What the receipt says, independent of when and by whom it was recorded: the point, the receipt, the
   * time of sale, the lines (in SKU order) and the total. Two deliveries of one receipt have the same.
   */
  public String content() {
    return pointId + "|" + receiptNumber + "|" + soldAt + "|" + totalMinor + "|" + lines.stream()
        .sorted(Comparator.comparing(Line::sku).thenComparingLong(Line::priceMinor))
        .map(l -> l.sku() + "x" + l.qty() + "@" + l.priceMinor()).collect(Collectors.joining(","));
  }

  /** Units per SKU (a receipt may list one SKU on several lines). */
  public java.util.Map<String, Long> unitsBySku() {
    return lines.stream().collect(Collectors.groupingBy(Line::sku, java.util.TreeMap::new, Collectors.summingLong(Line::qty)));
  }

  /** Revenue per SKU in kopecks. */
  public java.util.Map<String, Long> amountBySku() {
    return lines.stream().collect(Collectors.groupingBy(Line::sku, java.util.TreeMap::new,
        Collectors.summingLong(Line::amountMinor)));
  }
}
