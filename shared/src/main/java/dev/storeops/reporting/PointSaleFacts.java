package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the sales figures need of a shop point's till receipt (docs/points.md): the point, the receipt,
 * the day of sale in the shop's time zone, the total and the units and revenue per SKU. A receipt counts
 * once, as one sale of channel {@code OFFLINE:<pointId>} ({@link #channel}); it is never cancelled (a
 * return at the till is a later movement, not a cancellation of the sale).
 */
public record PointSaleFacts(String pointId, String receiptNumber, LocalDate day, long totalMinor,
    Map<String, Long> unitsBySku, Map<String, Long> amountBySku) {

  /** The channel prefix of point sales in the sales report: {@code OFFLINE:<pointId>}, one per point. */
  public static final String OFFLINE = "OFFLINE";

  public String channel() {
    return channel(pointId);
  }

  public static String channel(String pointId) {
    return OFFLINE + ":" + pointId;
  }
}
