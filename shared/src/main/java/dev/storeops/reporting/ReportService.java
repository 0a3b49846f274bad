package dev.storeops.reporting;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;

import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.StockLevel;
import dev.storeops.reporting.Csv;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.Recommendations;
import dev.storeops.reporting.SalesReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reports as the APIs and the scheduled mails use them: parses and checks parameters, reads the
 * report items and hands them to the plain calculations ({@link SalesReport}, {@link Expiring},
 * {@link PurchasePlanner}, {@link Recommendations}).
 */
public final class ReportService {
  private final ReportData store;
  private final SupplierTerms terms;
  private final Clock clock;
  private final ZoneId zone;
  private final int defaultCoverDays;

  public ReportService(ReportData store, SupplierTerms terms, Clock clock, ZoneId zone, int defaultCoverDays) {
    this.store = store;
    this.terms = terms;
    this.clock = clock;
    this.zone = zone;
    this.defaultCoverDays = defaultCoverDays;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** {@code from}/{@code to} default to the last 30 days up to today; at most {@value SalesReport#MAX_DAYS} days. */
  public SalesReport.Result sales(String fromParam, String toParam, String groupByParam) {
    Days days = days(fromParam, toParam);
    SalesReport.GroupBy groupBy = choice("groupBy", groupByParam, SalesReport.GroupBy.DAY, "must be day or channel");
    return SalesReport.build(days.from(), days.to(), groupBy, store.salesDays(days.from(), days.to()));
  }

  /** The product report: {@code period} day, week, month (default) or total. */
  public ProductReport.Result products(String fromParam, String toParam, String periodParam) {
    Days days = days(fromParam, toParam);
    ProductReport.Period period = choice("period", periodParam, ProductReport.Period.MONTH,
        "must be day, week, month or total");
    return ProductReport.build(days.from(), days.to(), period, store.productDays(days.from(), days.to()));
  }

  /** The profit and loss of {@code month} ({@code yyyy-MM}, default: the current month). */
  public ProfitAndLoss.Result profitAndLoss(String monthParam, RecordExpenses.Store expenses) {
    java.time.YearMonth month;
    try {
      month = monthParam == null || monthParam.isBlank() ? java.time.YearMonth.from(today())
          : java.time.YearMonth.parse(monthParam.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.field("month", "must be a month yyyy-MM");
    }
    return ProfitAndLoss.month(month, store.salesDays(month.atDay(1), month.atEndOfMonth()), expenses.month(month));
  }

  /** Cash in vs out by day of {@code [from, to]} (defaults: the last 30 days), expenses from {@code expenses}. */
  public CashReport.Result cash(String fromParam, String toParam, RecordExpenses.Store expenses) {
    Days days = days(fromParam, toParam);
    LocalDate from = days.from();
    LocalDate to = days.to();
    Map<LocalDate, Long> out = new java.util.HashMap<>();
    for (var m = java.time.YearMonth.from(from); !m.isAfter(java.time.YearMonth.from(to)); m = m.plusMonths(1)) {
      for (Expense e : expenses.month(m)) {
        out.merge(e.date(), e.amountMinor(), Long::sum);
      }
    }
    return CashReport.build(from, to, store.cashDays(from, to), out);
  }

  public record ExpiringReport(String today, int days, List<Expiring.Item> items) {}

  public ExpiringReport expiring(String daysParam) {
    int days = number("days", daysParam, Expiring.DEFAULT_DAYS, 0, Expiring.MAX_DAYS);
    LocalDate today = today();
    return new ExpiringReport(today.toString(), days, Expiring.select(today, days, store.expiring(today, today.plusDays(days))));
  }

  /** The purchase list of one supplier (when {@code supplier} is given) or of every supplier with a profile. */
  public List<PurchasePlanner.PurchaseList> purchaseLists(String supplier, String coverDaysParam) {
    int cover = number("coverDays", coverDaysParam, defaultCoverDays, 0, 365);
    List<String> suppliers;
    if (supplier != null && !supplier.isBlank()) {
      if (!supplier.matches("[A-Za-z0-9._-]{1,64}")) {
        throw Invalid.field("supplier", "must be a supplier id (letters, digits, . _ -)");
      }
      suppliers = List.of(supplier);
    } else {
      suppliers = terms.suppliers();
    }
    List<PurchasePlanner.PurchaseList> out = new ArrayList<>();
    LocalDate to = today().minusDays(1);
    LocalDate from = to.minusDays(PurchasePlanner.DEFAULT_WINDOW_DAYS - 1);
    for (String id : suppliers) {
      Optional<Integer> lead = terms.leadTimeDays(id);
      Map<String, Long> stock = store.supplierStock(id);
      if (lead.isEmpty() && stock.isEmpty()) {
        if (supplier != null && !supplier.isBlank()) {
          throw new NotFound("supplier " + id);
        }
        continue;
      }
      List<PurchasePlanner.Supply> supplies = new ArrayList<>();
      stock.forEach((sku, available) -> supplies.add(new PurchasePlanner.Supply(sku, available, store.sold(sku, from, to))));
      out.add(PurchasePlanner.plan(id, lead.orElse(PurchasePlanner.DEFAULT_LEAD_TIME_DAYS), cover,
          PurchasePlanner.DEFAULT_WINDOW_DAYS, supplies));
    }
    return out;
  }

  public record Recommended(String sku, String kind, String name, long priceMinor, String currency, long available) {}

  public List<Recommended> recommendations(Catalog catalog, String sku, String limitParam) {
    int limit = number("limit", limitParam, Recommendations.DEFAULT_LIMIT, 1, 50);
    Product product = catalog.product(sku).orElseThrow(() -> new NotFound("product " + sku));
    Map<String, Long> together = store.boughtTogether(sku);
    List<String> candidates = new ArrayList<>(product.related());
    candidates.addAll(product.upsell());
    candidates.addAll(together.keySet());
    candidates.remove(sku);
    CatalogSnapshot snapshot = catalog.snapshot(new HashSet<>(candidates));
    Map<String, Long> available = new LinkedHashMap<>();
    snapshot.stock().forEach((s, levels) -> available.put(s, levels.stream().mapToLong(StockLevel::available).sum()));
    List<Recommended> out = new ArrayList<>();
    for (Recommendations.Pick p : Recommendations.pick(sku, product.related(), product.upsell(), together,
        s -> snapshot.products().containsKey(s) && available.getOrDefault(s, 0L) > 0, limit)) {
      Product r = snapshot.products().get(p.sku());
      out.add(new Recommended(p.sku(), p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.name(),
          r.priceMinor(), r.currency(), available.get(p.sku())));
    }
    return out;
  }

  // ------------------------------------------------------------------ scheduled mail

  /** Daily: mails the stock near expiry to the purchasing manager when there is any (once per day). */
  public Map<String, Object> mailExpiring(MailOutbox outbox, String to) {
    ExpiringReport report = expiring(null);
    if (report.items().isEmpty()) {
      return Map.of("items", 0, "mailed", false);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Expiring.Item i : report.items()) {
      rows.add(Map.of("sku", i.sku(), "warehouse", i.warehouse(), "expiresAt", i.expiresAt(), "daysLeft", i.daysLeft(),
          "onHand", i.onHand()));
    }
    outbox.send(new MailIntent("expiring-stock#" + report.today(), "expiring-stock", MailIntent.Category.STAFF, null, to,
        null, "reports", Map.of("date", report.today(), "days", report.days(), "count", rows.size(), "items", rows)));
    return Map.of("items", rows.size(), "mailed", true);
  }

  /** Weekly: mails the purchase lists of every supplier with something to order (once per ISO week). */
  public Map<String, Object> mailPurchaseList(MailOutbox outbox, String to) {
    LocalDate today = today();
    List<Map<String, Object>> suppliers = new ArrayList<>();
    int lines = 0;
    for (PurchasePlanner.PurchaseList l : purchaseLists(null, null)) {
      if (l.lines().isEmpty()) {
        continue;
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PurchasePlanner.Line line : l.lines()) {
        rows.add(Map.of("sku", line.sku(), "available", line.available(), "dailyRate", line.dailyRate(),
            "daysLeft", line.daysLeft(), "suggestedQty", line.suggestedQty()));
      }
      lines += rows.size();
      suppliers.add(Map.of("supplierId", l.supplierId(), "leadTimeDays", l.leadTimeDays(), "lines", rows));
    }
    if (suppliers.isEmpty()) {
      return Map.of("lines", 0, "mailed", false);
    }
    String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    outbox.send(new MailIntent("purchase-list#" + week, "purchase-list", MailIntent.Category.STAFF, null, to, null,
        "reports", Map.of("week", week, "date", today.toString(), "coverDays", defaultCoverDays, "suppliers", suppliers)));
    return Map.of("lines", lines, "suppliers", suppliers.size(), "mailed", true);
  }

  /** The days of a report, {@code from} through {@code to}. */
  private record Days(LocalDate from, LocalDate to) {}

  /**
   * The report's days: {@code to} defaults to today, {@code from} to 29 days before {@code to}; {@code from}
   * not after {@code to}, at most {@value SalesReport#MAX_DAYS} days.
   */
  private Days days(String fromParam, String toParam) {
    LocalDate to = date("to", toParam, today());
    LocalDate from = date("from", fromParam, to.minusDays(29));
    if (from.isAfter(to)) {
      throw Invalid.field("from", "must not be after to");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > SalesReport.MAX_DAYS) {
      throw Invalid.field("to", "a report covers at most " + SalesReport.MAX_DAYS + " days");
    }
    return new Days(from, to);
  }

  /** One of {@code otherwise}'s constants by its name in any case ({@code null}: {@code otherwise}), else a 400 on {@code field}. */
  private static <E extends Enum<E>> E choice(String field, String value, E otherwise, String message) {
    if (value == null) {
      return otherwise;
    }
    try {
      return Enum.valueOf(otherwise.getDeclaringClass(), value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Invalid.field(field, message);
    }
  }

  private static LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Invalid.field(field, "must be a date yyyy-MM-dd");
    }
  }

  private static int number(String field, String value, int otherwise, int min, int max) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw Invalid.field(field, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a whole number");
    }
  }

  /** Money in minor units as text for CSV/mail. */
  public static String money(long minor) {
    return Csv.money(minor);
  }
}
