package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cash in vs cash out by day, so the owner sees a cash gap coming: money in (paid orders, cash on
 * delivery received; {@code tillMinor}: the shop points' till sales of the day, docs/points.md#money),
 * money out (refunds, expenses), the day's net and the running balance over the range (starting at 0 on
 * its first day). Pure calculation.
 */
public final class CashReport {
  public record Row(String day, long inMinor, long tillMinor, long refundsMinor, long expensesMinor, long netMinor,
      long balanceMinor) {}

  public record Result(LocalDate from, LocalDate to, String currency, List<Row> rows, Row total) {}

  private CashReport() {}

  /** @param cash per day: {in, refunds} or {in, refunds, till}; @param expenses per day */
  public static Result build(LocalDate from, LocalDate to, Map<LocalDate, long[]> cash, Map<LocalDate, Long> expenses) {
    List<Row> rows = new ArrayList<>();
    long in = 0;
    long till = 0;
    long refunds = 0;
    long out = 0;
    long balance = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      long[] c = cash.getOrDefault(d, new long[3]);
      long t = c.length > 2 ? c[2] : 0;
      long e = expenses.getOrDefault(d, 0L);
      long net = c[0] + t - c[1] - e;
      balance += net;
      in += c[0];
      till += t;
      refunds += c[1];
      out += e;
      rows.add(new Row(d.toString(), c[0], t, c[1], e, net, balance));
    }
    return new Result(from, to, "RUB", rows, new Row("total", in, till, refunds, out, in + till - refunds - out, balance));
  }

  public static String csv(Result r) {
    StringBuilder b = new StringBuilder("day,cash_in,till_sales,refunds,expenses,net,balance\r\n");
    List<Row> all = new ArrayList<>(r.rows());
    all.add(r.total());
    for (Row row : all) {
      b.append(Csv.field(row.day())).append(',').append(Csv.money(row.inMinor())).append(',')
          .append(Csv.money(row.tillMinor())).append(',')
          .append(Csv.money(row.refundsMinor())).append(',').append(Csv.money(row.expensesMinor())).append(',')
          .append(Csv.money(row.netMinor())).append(',').append(Csv.money(row.balanceMinor())).append("\r\n");
    }
    return b.toString();
  }
}
