package dev.storeops.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The product report: per period and product, units sold, revenue (the lines' totals after the promo
 * discount), purchase cost and gross margin, net of cancelled orders. Delivery is not a product's
 * revenue, so the products' revenue adds up to the goods of the sales report, not to its revenue.
 * Pure calculation over {@link ProductDay} items.
 */
public final class ProductReport {
  public enum Period { DAY, WEEK, MONTH, TOTAL }

  public record Row(String period, String sku, long units, long revenueMinor, long costMinor, long marginMinor,
      BigDecimal marginPercent) {
    static Row of(String period, String sku, long units, long revenue, long cost) {
      return new Row(period, sku, units, revenue, cost, revenue - cost, Margin.percent(revenue - cost, revenue));
    }
  }

  public record Result(LocalDate from, LocalDate to, Period period, String currency, List<Row> rows, Row total) {}

  private ProductReport() {}

  public static String periodKey(Period period, LocalDate from, LocalDate to, LocalDate day) {
    return switch (period) {
      case DAY -> day.toString();
      case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> day.toString().substring(0, 7);
      case TOTAL -> from + ".." + to;
    };
  }

  /** Rows by period (ascending), then by revenue (largest first), then SKU; products with no units and no money left out. */
  public static Result build(LocalDate from, LocalDate to, Period period, List<ProductDay> days) {
    Map<String, Map<String, long[]>> byPeriod = new TreeMap<>();
    long[] total = new long[3];
    for (ProductDay d : days) {
      if (d.day().isBefore(from) || d.day().isAfter(to)) {
        continue;
      }
      long[] f = byPeriod.computeIfAbsent(periodKey(period, from, to, d.day()), k -> new TreeMap<>())
          .computeIfAbsent(d.sku(), k -> new long[3]);
      f[0] += d.units();
      f[1] += d.revenueMinor();
      f[2] += d.costMinor();
      total[0] += d.units();
      total[1] += d.revenueMinor();
      total[2] += d.costMinor();
    }
    List<Row> rows = new ArrayList<>();
    byPeriod.forEach((p, skus) -> {
      List<Row> inPeriod = new ArrayList<>();
      skus.forEach((sku, f) -> {
        if (f[0] != 0 || f[1] != 0 || f[2] != 0) {
          inPeriod.add(Row.of(p, sku, f[0], f[1], f[2]));
        }
      });
      inPeriod.sort(Comparator.comparingLong(Row::revenueMinor).reversed().thenComparing(Row::sku));
      rows.addAll(inPeriod);
    });
    return new Result(from, to, period, "RUB", rows, Row.of("total", "", total[0], total[1], total[2]));
  }

  /** CSV: {@code period,sku,units,revenue,cost,margin,margin_percent} and a total line; money in roubles. */
  public static String csv(Result r) {
    StringBuilder b = new StringBuilder("period,sku,units,revenue,cost,margin,margin_percent\r\n");
    List<Row> all = new ArrayList<>(r.rows());
    all.add(r.total());
    for (Row row : all) {
      b.append(Csv.field(row.period())).append(',').append(Csv.field(row.sku())).append(',').append(row.units())
          .append(',').append(Csv.money(row.revenueMinor())).append(',').append(Csv.money(row.costMinor()))
          .append(',').append(Csv.money(row.marginMinor())).append(',').append(row.marginPercent().toPlainString())
          .append("\r\n");
    }
    return b.toString();
  }
}
