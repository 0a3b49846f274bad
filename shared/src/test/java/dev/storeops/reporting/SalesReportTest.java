package dev.storeops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two stored days, written out by hand:
 *
 * <pre>
 * 2031-03-10  SITE: 2 orders 250000, 1 cancelled 150000; PHONE: 1 order 250000      reasons: refused 1
 * 2031-03-12  EMAIL: 1 order 70000; SITE: 2 orders 33334, 1 cancelled 33333         reasons: no payment 1
 * range 03-10 … 03-12 (03-11 has no item):
 * day    orders gross  cancelled amount net revenue avg
 * 03-10  3      500000 1         150000 2   350000  175000
 * 03-11  0      0      0         0      0   0       0
 * 03-12  3      103334 1         33333  2   70001   35001 (35000.5 half up)
 * total  6      603334 2         183333 4   420001  105000 (105000.25)
 * SITE 4 283334 2 183333 → net 2, revenue 100001, avg 50001 (50000.5); PHONE 1 250000; EMAIL 1 70000
 * </pre>
 */
class SalesReportTest {
  private static final List<SalesDay> DAYS = List.of(
      new SalesDay(LocalDate.parse("2031-03-10"), new SalesDay.Figures(3, 500000, 1, 150000),
          Map.of("SITE", new SalesDay.Figures(2, 250000, 1, 150000), "PHONE", new SalesDay.Figures(1, 250000, 0, 0)),
          Map.of("refused", 1L)),
      new SalesDay(LocalDate.parse("2031-03-12"), new SalesDay.Figures(3, 103334, 1, 33333),
          Map.of("EMAIL", new SalesDay.Figures(1, 70000, 0, 0), "SITE", new SalesDay.Figures(2, 33334, 1, 33333)),
          Map.of("no payment", 1L)));

  @Test
  void byDayListsEveryDayOfTheRange() {
    var r = SalesReport.build(LocalDate.parse("2031-03-10"), LocalDate.parse("2031-03-12"), SalesReport.GroupBy.DAY, DAYS);
    assertEquals(List.of(
        new SalesReport.Row("2031-03-10", 3, 1, 2, 500000, 150000, 350000, 175000),
        new SalesReport.Row("2031-03-11", 0, 0, 0, 0, 0, 0, 0),
        new SalesReport.Row("2031-03-12", 3, 1, 2, 103334, 33333, 70001, 35001)), r.rows());
    assertEquals(new SalesReport.Row("total", 6, 2, 4, 603334, 183333, 420001, 105000), r.total());
    assertEquals(Map.of("refused", 1L, "no payment", 1L), r.cancellationsByReason());
  }

  @Test
  void byChannelSumsTheRange() {
    var r = SalesReport.build(LocalDate.parse("2031-03-10"), LocalDate.parse("2031-03-12"), SalesReport.GroupBy.CHANNEL, DAYS);
    assertEquals(List.of(
        new SalesReport.Row("SITE", 4, 2, 2, 283334, 183333, 100001, 50001),
        new SalesReport.Row("PHONE", 1, 0, 1, 250000, 0, 250000, 250000),
        new SalesReport.Row("EMAIL", 1, 0, 1, 70000, 0, 70000, 70000)), r.rows());
  }

  @Test
  void csvHasAHeaderTheRowsAndTheTotal() {
    var r = SalesReport.build(LocalDate.parse("2031-03-11"), LocalDate.parse("2031-03-12"), SalesReport.GroupBy.DAY, DAYS);
    assertEquals("day,orders,cancelled,net_orders,gross,cancelled_amount,revenue,average_check,cost,margin,margin_percent\r\n"
        + "2031-03-11,0,0,0,0.00,0.00,0.00,0.00,0.00,0.00,0.0\r\n"
        + "2031-03-12,3,1,2,1033.34,333.33,700.01,350.01,0.00,700.01,100.0\r\n"
        + "total,3,1,2,1033.34,333.33,700.01,350.01,0.00,700.01,100.0\r\n", SalesReport.csv(r));
  }

  @Test
  void csvFieldsAreQuotedAndDefused() {
    assertEquals("\"a,b\"", Csv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
    assertEquals("'=SUM(A1)", Csv.field("=SUM(A1)"));
    // OWASP CSV injection: TAB and CR start a formula too (platform/csv/CsvCells)
    assertEquals("'\t=1+1", Csv.field("\t=1+1"));
    assertEquals("\"'\r=1+1\"", Csv.field("\r=1+1"));
    assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", Csv.field("=HYPERLINK(\"http://evil.example\",\"x\")"));
    assertEquals("-0.05", Csv.money(-5));
  }
}
