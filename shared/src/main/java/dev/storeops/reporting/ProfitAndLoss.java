package dev.storeops.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly profit and loss: revenue and cost of goods of the orders placed in the month and not
 * cancelled and of the shop points' till sales (the sales days), gross margin, the month's expenses by
 * category, operating profit = gross margin − expenses; {@code unknownCostUnits}: units sold whose purchase
 * price was unknown (counted at 0 cost). Pure calculation (docs/money.md).
 */
public final class ProfitAndLoss {
  public record Result(String month, String currency, long revenueMinor, long costOfGoodsMinor, long grossMarginMinor,
      BigDecimal grossMarginPercent, Map<String, Long> expensesByCategory, long expensesMinor,
      long operatingProfitMinor, long unknownCostUnits) {}

  private ProfitAndLoss() {}

  public static Result month(YearMonth month, List<SalesDay> days, List<Expense> expenses) {
    SalesDay.Figures f = SalesDay.Figures.ZERO;
    for (SalesDay d : days) {
      if (YearMonth.from(d.day()).equals(month)) {
        f = f.plus(d.total());
      }
    }
    Map<String, Long> byCategory = new LinkedHashMap<>();
    ExpenseRules.CATEGORIES.forEach(c -> byCategory.put(c, 0L));
    long total = 0;
    for (Expense e : expenses) {
      if (YearMonth.from(e.date()).equals(month)) {
        byCategory.merge(e.category(), e.amountMinor(), Long::sum);
        total += e.amountMinor();
      }
    }
    return new Result(month.toString(), "RUB", f.revenueMinor(), f.netCostMinor(), f.marginMinor(),
        Margin.percent(f.marginMinor(), f.revenueMinor()), byCategory, total, f.marginMinor() - total,
        f.unknownCostUnits());
  }

  /**
   * CSV: one {@code line,amount} row per figure (expenses as {@code expenses:<category>}), money in roubles;
   * {@code units_of_unknown_cost} is a count of units.
   */
  public static String csv(Result r) {
    StringBuilder b = new StringBuilder("line,amount\r\n");
    b.append("revenue,").append(Csv.money(r.revenueMinor())).append("\r\n");
    b.append("cost_of_goods,").append(Csv.money(r.costOfGoodsMinor())).append("\r\n");
    b.append("units_of_unknown_cost,").append(r.unknownCostUnits()).append("\r\n"); // a count, not money
    b.append("gross_margin,").append(Csv.money(r.grossMarginMinor())).append("\r\n");
    r.expensesByCategory().forEach((c, a) -> b.append("expenses:").append(Csv.field(c)).append(',')
        .append(Csv.money(a)).append("\r\n"));
    b.append("expenses,").append(Csv.money(r.expensesMinor())).append("\r\n");
    b.append("operating_profit,").append(Csv.money(r.operatingProfitMinor())).append("\r\n");
    return b.toString();
  }
}
