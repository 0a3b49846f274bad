package dev.storeops.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The purchase list of one supplier. For each SKU it feeds: the daily sales rate is the quantity sold
 * in the last {@code windowDays} days divided by {@code windowDays}; the SKU is listed when its
 * available stock runs out within the supplier's lead time at that rate
 * ({@code available ≤ rate × leadTimeDays}, compared exactly as {@code available × window ≤ sold ×
 * lead}); the suggested quantity covers the lead time plus {@code coverDays}:
 * {@code ceil(sold × (lead + cover) / window) − available}, at least 1. SKUs that did not sell are
 * never listed. All integer arithmetic.
 */
public final class PurchasePlanner {
  public static final int DEFAULT_WINDOW_DAYS = 30;
  public static final int DEFAULT_LEAD_TIME_DAYS = 7;
  public static final int DEFAULT_COVER_DAYS = 14;

  /** The stock of one SKU from this supplier (summed over its warehouses) and its sales in the window. */
  public record Supply(String sku, long available, long soldInWindow) {}

  /**
   * One line of the list.
   *
   * @param dailyRate sold per day (rounded to 2 decimals, for display)
   * @param daysLeft days until the available stock runs out at that rate (rounded down to 0.1)
   */
  public record Line(String sku, long available, long soldInWindow, double dailyRate, double daysLeft,
      long suggestedQty) {}

  public record PurchaseList(String supplierId, int leadTimeDays, int coverDays, int windowDays, List<Line> lines) {}

  private PurchasePlanner() {}

  public static PurchaseList plan(String supplierId, int leadTimeDays, int coverDays, int windowDays,
      List<Supply> supplies) {
    if (leadTimeDays < 0 || coverDays < 0 || windowDays <= 0) {
      throw new IllegalArgumentException("lead time and cover days must be ≥ 0, the window > 0");
    }
    List<Line> lines = new ArrayList<>();
    for (Supply s : supplies) {
      long sold = s.soldInWindow();
      if (sold <= 0) {
        continue;
      }
      long available = Math.max(0, s.available());
      if (Math.multiplyExact(available, (long) windowDays) > Math.multiplyExact(sold, (long) leadTimeDays)) {
        continue;
      }
      long need = ceilDiv(Math.multiplyExact(sold, (long) leadTimeDays + coverDays), windowDays);
      long suggested = Math.max(1, need - available);
      double rate = Math.round(sold * 100.0 / windowDays) / 100.0;
      double daysLeft = Math.floor(available * 10.0 * windowDays / sold) / 10.0;
      lines.add(new Line(s.sku(), available, sold, rate, daysLeft, suggested));
    }
    lines.sort(Comparator.comparingDouble(Line::daysLeft).thenComparing(Line::sku));
    return new PurchaseList(supplierId, leadTimeDays, coverDays, windowDays, List.copyOf(lines));
  }

  private static long ceilDiv(long a, long b) {
    return Math.floorDiv(a + b - 1, b);
  }

  public static String csv(List<PurchaseList> lists) {
    StringBuilder b = new StringBuilder("supplier,sku,available,sold_in_window,window_days,daily_rate,days_left,"
        + "lead_time_days,cover_days,suggested_qty\r\n");
    for (PurchaseList l : lists) {
      for (Line line : l.lines()) {
        b.append(Csv.field(l.supplierId())).append(',').append(Csv.field(line.sku())).append(',')
            .append(line.available()).append(',').append(line.soldInWindow()).append(',').append(l.windowDays())
            .append(',').append(line.dailyRate()).append(',').append(line.daysLeft()).append(',')
            .append(l.leadTimeDays()).append(',').append(l.coverDays()).append(',').append(line.suggestedQty())
            .append("\r\n");
      }
    }
    return b.toString();
  }
}
