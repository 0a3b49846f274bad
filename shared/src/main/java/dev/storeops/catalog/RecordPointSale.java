package dev.storeops.catalog;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records a till's receipt at a shop point (docs/points.md): validates it whole, then either records it
 * with its stock movements ({@link PointSales#record}) or, for a receipt already recorded, answers the
 * first recording ({@link PointSaleReplayPolicy}). A sale that leaves the point with fewer units than the
 * orders hold there flags them short ({@link ShortStockPolicy}, through the {@code counted} hook).
 */
public final class RecordPointSale {
  private static final Log LOG = Log.get(RecordPointSale.class);
  /** Distinct SKUs per receipt: 1 sale item + 2 actions per SKU (stock, journal) in one transaction of ≤ 100. */
  public static final int MAX_SKUS = 40;
  public static final long MAX_QTY = 100_000;
  public static final long MAX_PRICE_MINOR = 10_000_000_000L;
  /** A till's clock may run a little ahead of ours. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9_./:-]{1,64}");

  /** The body of {@code POST /staff/points/{id}/sales} (and one receipt of a till's CSV export). */
  public record Request(String receiptNumber, String soldAt, List<LineRequest> lines, Long totalMinor) {}

  public record LineRequest(String sku, Long qty, Long priceMinor) {}

  /** The sale as first recorded, and whether this call recorded it ({@code replayed} false) or found it. */
  public record Result(PointSale sale, boolean replayed) {}

  private final Catalog catalog;
  private final PointSales sales;
  private final Clock clock;
  private final ManageCatalog.StockCounted counted;

  public RecordPointSale(Catalog catalog, PointSales sales, Clock clock, ManageCatalog.StockCounted counted) {
    this.catalog = catalog;
    this.sales = sales;
    this.clock = clock;
    this.counted = counted;
  }

  /** @param by the staff id (or {@code till:<pointId>} for a file); @param source {@code api} or {@code file:<key>} */
  public Result record(String pointId, Request r, String by, String source) {
    Warehouse point = catalog.warehouses().stream().filter(w -> w.id().equals(pointId)).findFirst()
        .orElseThrow(() -> new NotFound("Point " + pointId));
    if (!point.point()) {
      throw Invalid.field("id", "warehouse " + pointId + " is not a shop point (PUT /staff/warehouses/" + pointId
          + " with \"point\": true)");
    }
    PointSale sale = validate(pointId, r, by, source);
    for (String sku : sale.unitsBySku().keySet()) {
      if (catalog.product(sku).isEmpty()) {
        throw Invalid.field("lines", "SKU " + sku + " is not in the catalog");
      }
    }
    PointSale recorded = sales.find(pointId, sale.receiptNumber()).orElse(null);
    if (PointSaleReplayPolicy.decide(recorded, sale) == PointSaleReplayPolicy.Decision.REPLAY) {
      return new Result(recorded, true);
    }
    PointSales.Recorded result = sales.record(sale);
    if (!result.first()) {
      // recorded meanwhile by another delivery: the same rule on what it stored
      PointSaleReplayPolicy.decide(result.stored(), sale);
      return new Result(result.stored(), true);
    }
    LOG.info("point sale recorded", "pointId", pointId, "receipt", sale.receiptNumber(), "skus",
        sale.unitsBySku().size(), "source", source.startsWith("file:") ? "file" : source);
    for (PointSales.Moved m : result.moved()) {
      counted.counted(m.sku(), pointId, m.before(), m.after(), by);
    }
    return new Result(result.stored(), false);
  }

  /** The receipt, validated whole (every offending field listed). */
  PointSale validate(String pointId, Request r, String by, String source) {
    Validation v = new Validation();
    if (r.receiptNumber() == null || !RECEIPT.matcher(r.receiptNumber().strip()).matches()) {
      v.error("receiptNumber", "is required: 1-64 letters, digits and _ . / : -");
    }
    Instant soldAt = null;
    if (r.soldAt() == null) {
      v.error("soldAt", "is required: date and time with offset, e.g. 2026-11-30T14:05:00+03:00");
    } else {
      try {
        soldAt = OffsetDateTime.parse(r.soldAt().strip()).toInstant();
        if (soldAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
          v.error("soldAt", "is in the future");
        }
      } catch (DateTimeParseException e) {
        v.error("soldAt", "must be a date and time with offset, e.g. 2026-11-30T14:05:00+03:00");
      }
    }
    List<PointSale.Line> lines = new ArrayList<>();
    if (r.lines() == null || r.lines().isEmpty()) {
      v.error("lines", "at least one line is required");
    } else {
      for (int i = 0; i < r.lines().size(); i++) {
        LineRequest l = r.lines().get(i);
        String at = "lines[" + i + "]";
        if (l == null) {
          v.error(at, "is required");
          continue;
        }
        String sku = l.sku() == null ? null : l.sku().strip();
        boolean ok = true;
        if (!Identifiers.validSku(sku)) {
          v.error(at + ".sku", "is not a valid SKU");
          ok = false;
        }
        if (l.qty() == null || l.qty() < 1 || l.qty() > MAX_QTY) {
          v.error(at + ".qty", "is required: a whole number from 1 to " + MAX_QTY);
          ok = false;
        }
        if (l.priceMinor() == null || l.priceMinor() < 0 || l.priceMinor() > MAX_PRICE_MINOR) {
          v.error(at + ".priceMinor", "is required: the unit price charged in kopecks, 0 to " + MAX_PRICE_MINOR);
          ok = false;
        }
        if (ok) {
          lines.add(new PointSale.Line(sku, l.qty(), l.priceMinor()));
        }
      }
      if (lines.stream().map(PointSale.Line::sku).distinct().count() > MAX_SKUS) {
        v.error("lines", "at most " + MAX_SKUS + " different SKUs per receipt");
      }
    }
    long sum = lines.stream().mapToLong(PointSale.Line::amountMinor).sum();
    if (r.totalMinor() == null || r.totalMinor() < 0) {
      v.error("totalMinor", "is required: the receipt's total in kopecks");
    } else if (v.ok() && r.totalMinor() != sum) {
      v.error("totalMinor", "is " + r.totalMinor() + " but the lines add up to " + sum);
    }
    v.throwIfInvalid();
    return new PointSale(pointId, r.receiptNumber().strip(), soldAt, lines, r.totalMinor(), by, clock.instant(), source);
  }
}
