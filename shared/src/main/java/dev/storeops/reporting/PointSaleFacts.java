package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the sales figures need of a shop point's till receipt (docs/points.md): the point, the receipt,
 * the day of sale in the shop's time zone, the total and the units and revenue per SKU. A receipt counts
 * once, as one sale of channel {@code OFFLINE:<pointId>} ({@link #channel}); it is never cancelled (a
 * return at the till is a later movement, not a cancellation of the sale). It is cash received at the
 * till on its day, and its cost of goods is the lines' unit costs recorded with the sale: {@code costBySku}
 * for the units of known cost, {@code unknownCostUnits} counts the others (counted as 0 cost, shown apart).
 */
public record PointSaleFacts(String pointId, String receiptNumber, LocalDate day, long totalMinor,
    Map<String, Long> unitsBySku, Map<String, Long> amountBySku, Map<String, Long> costBySku,
    long unknownCostUnits) {

  /** A receipt whose lines' costs are all unknown. */
  public PointSaleFacts(String pointId, String receiptNumber, LocalDate day, long totalMinor,
      Map<String, Long> unitsBySku, Map<String, Long> amountBySku) {
    this(pointId, receiptNumber, day, totalMinor, unitsBySku, amountBySku, Map.of(),
        unitsBySku.values().stream().mapToLong(Long::longValue).sum());
  }

  /** The purchase cost of the units whose cost is known (docs/points.md#money). */
  public long costMinor() {
    return costBySku.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The channel prefix of point sales in the sales report: {@code OFFLINE:<pointId>}, one per point. */
  public static final String OFFLINE = "OFFLINE";

  public String channel() {
    return channel(pointId);
  }

  public static String channel(String pointId) {
    return OFFLINE + ":" + pointId;
  }
}
