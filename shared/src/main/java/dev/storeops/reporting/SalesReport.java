package dev.storeops.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sales report over a range of days, grouped by day (one row per day of the range, empty days
 * included) or by channel (one row per channel over the whole range), with the totals and the
 * cancellations by reason. Pure calculation over {@link SalesDay} items.
 */
public final class SalesReport {
  public static final int MAX_DAYS = 366;
  public static final List<String> CHANNELS = List.of("SITE", "PHONE", "EMAIL");

  public enum GroupBy { DAY, CHANNEL }

  /**
   * One row: its key (a date or a channel) and the figures; {@code costMinor} is the cost of goods sold
   * (orders not cancelled, less returned units), {@code marginMinor} = revenue − cost, {@code marginPercent} =
   * margin / revenue; {@code returns} and {@code returnedMinor}: the returns after delivery of the row's
   * orders and the money they give back, already taken off {@code revenueMinor} (docs/returns.md).
   */
  public record Row(String key, long orders, long cancelled, long netOrders, long grossMinor, long cancelledMinor,
      long revenueMinor, long averageCheckMinor, long costMinor, long marginMinor, BigDecimal marginPercent,
      long returns, long returnedMinor, long unknownCostUnits) {

    /** A row whose every unit has a known cost. */
    public Row(String key, long orders, long cancelled, long netOrders, long grossMinor, long cancelledMinor,
        long revenueMinor, long averageCheckMinor, long costMinor, long marginMinor, BigDecimal marginPercent,
        long returns, long returnedMinor) {
      this(key, orders, cancelled, netOrders, grossMinor, cancelledMinor, revenueMinor, averageCheckMinor, costMinor,
          marginMinor, marginPercent, returns, returnedMinor, 0);
    }

    /** A row without returns after delivery. */
    public Row(String key, long orders, long cancelled, long netOrders, long grossMinor, long cancelledMinor,
        long revenueMinor, long averageCheckMinor, long costMinor, long marginMinor, BigDecimal marginPercent) {
      this(key, orders, cancelled, netOrders, grossMinor, cancelledMinor, revenueMinor, averageCheckMinor, costMinor,
          marginMinor, marginPercent, 0, 0);
    }

    /** A row without purchase costs: the whole revenue is margin. */
    public Row(String key, long orders, long cancelled, long netOrders, long grossMinor, long cancelledMinor,
        long revenueMinor, long averageCheckMinor) {
      this(key, orders, cancelled, netOrders, grossMinor, cancelledMinor, revenueMinor, averageCheckMinor, 0,
          revenueMinor, Margin.percent(revenueMinor, revenueMinor));
    }

    static Row of(String key, SalesDay.Figures f) {
      return new Row(key, f.orders(), f.cancelled(), f.netOrders(), f.grossMinor(), f.cancelledMinor(),
          f.revenueMinor(), f.averageCheckMinor(), f.netCostMinor(), f.marginMinor(),
          Margin.percent(f.marginMinor(), f.revenueMinor()), f.returns(), f.returnedMinor(), f.unknownCostUnits());
    }
  }

  /** @param discountsByCampaign promo discounts given (net of cancellations) per campaign id, or {@code birthday} */
  public record Result(LocalDate from, LocalDate to, GroupBy groupBy, String currency, List<Row> rows, Row total,
      Map<String, Long> cancellationsByReason, Map<String, Long> discountsByCampaign) {}

  private SalesReport() {}

  public static Result build(LocalDate from, LocalDate to, GroupBy groupBy, List<SalesDay> days) {
    Map<LocalDate, SalesDay> byDay = new TreeMap<>();
    days.forEach(d -> byDay.put(d.day(), d));
    SalesDay.Figures total = SalesDay.Figures.ZERO;
    Map<String, SalesDay.Figures> channels = new LinkedHashMap<>();
    CHANNELS.forEach(c -> channels.put(c, SalesDay.Figures.ZERO));
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, Long> discounts = new TreeMap<>();
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      SalesDay day = byDay.getOrDefault(d, SalesDay.empty(d));
      total = total.plus(day.total());
      day.byChannel().forEach((c, f) -> channels.merge(c, f, SalesDay.Figures::plus));
      day.cancelReasons().forEach((r, n) -> reasons.merge(r, n, Long::sum));
      day.discounts().forEach((c, n) -> discounts.merge(c, n, Long::sum));
      if (groupBy == GroupBy.DAY) {
        rows.add(Row.of(d.toString(), day.total()));
      }
    }
    if (groupBy == GroupBy.CHANNEL) {
      channels.forEach((c, f) -> rows.add(Row.of(c, f)));
    }
    return new Result(from, to, groupBy, "RUB", rows, Row.of("total", total), reasons, discounts);
  }

  /** CSV (RFC 4180, comma, header line): the rows, then the total row. Money in roubles with 2 decimals. */
  public static String csv(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(r.groupBy() == GroupBy.DAY ? "day" : "channel")
        .append(",orders,cancelled,net_orders,gross,cancelled_amount,revenue,average_check,cost,margin,margin_percent\r\n");
    List<Row> all = new ArrayList<>(r.rows());
    all.add(r.total());
    for (Row row : all) {
      b.append(Csv.field(row.key())).append(',').append(row.orders()).append(',').append(row.cancelled()).append(',')
          .append(row.netOrders()).append(',').append(Csv.money(row.grossMinor())).append(',')
          .append(Csv.money(row.cancelledMinor())).append(',').append(Csv.money(row.revenueMinor())).append(',')
          .append(Csv.money(row.averageCheckMinor())).append(',').append(Csv.money(row.costMinor())).append(',')
          .append(Csv.money(row.marginMinor())).append(',').append(row.marginPercent().toPlainString()).append("\r\n");
    }
    return b.toString();
  }

  /** The cancellations of the range by reason category, most first: CSV {@code reason,cancelled}. */
  public static String cancellationsCsv(Result r) {
    StringBuilder b = new StringBuilder("reason,cancelled\r\n");
    r.cancellationsByReason().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> b.append(Csv.field(e.getKey())).append(',').append(e.getValue()).append("\r\n"));
    return b.toString();
  }
}
