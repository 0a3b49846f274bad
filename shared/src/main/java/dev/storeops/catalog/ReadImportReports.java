package dev.storeops.catalog;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff read the supplier import reports ({@code GET /staff/imports}, {@code GET
 * /staff/imports/{supplier}/{id}}): the reports of the last days, newest first, each with its status
 * and counts; one report whole — every rejected row the report keeps with its reason — and a link to the
 * rejected-rows file valid {@link #LINK_TTL}. The reports' names start with the import's time, so the
 * window is read as one key range of the bucket, not the whole history.
 */
public final class ReadImportReports {
  public static final int DEFAULT_DAYS = 30;
  public static final int MAX_DAYS = 366;
  public static final int MAX_REPORTS = 50;
  public static final int MAX_LIMIT = 100;
  public static final Duration LINK_TTL = Duration.ofMinutes(15);
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final List<String> SUMMARY = List.of("supplierId", "file", "status", "reason", "startedAt",
      "durationMs", "rowsRead", "dataRows", "updated", "unchanged", "zeroed", "rejectedCount", "warningCount");

  private final SupplierFileStore files;
  private final Clock clock;

  public ReadImportReports(SupplierFileStore files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  /** {@code reports} is one page; {@code nextCursor} null on the last. */
  public record Listing(List<String> suppliers, String supplier, int days, List<Map<String, Object>> reports,
      String nextCursor) {}

  /** The first page of the reports of {@code supplier} (all when null) of the last {@code days} days, newest first. */
  public Listing list(String supplier, String days) {
    return list(supplier, days, null, null);
  }

  /**
   * A page of the reports of {@code supplier} (all suppliers when null) of the last {@code days} days, newest
   * first (by name, which starts with the import's time, then supplier). Pages as every list does (docs/api.md):
   * {@code limit} (default {@link #MAX_REPORTS}, at most {@link #MAX_LIMIT}) + {@code cursor} → {@code nextCursor}, the cursor
   * being the position (name, supplier) of the page's last report ({@link PageCursor#encodePosition}).
   */
  public Listing list(String supplier, String days, String limitParam, String cursor) {
    int limit = PageCursor.limit(limitParam, MAX_REPORTS, MAX_LIMIT);
    Map<String, String> from = cursor == null ? null : PageCursor.decodePosition(cursor, List.of("name", "supplier"));
    int window = DEFAULT_DAYS;
    if (days != null) {
      try {
        window = Integer.parseInt(days.strip());
      } catch (NumberFormatException e) {
        window = -1;
      }
      if (window < 1 || window > MAX_DAYS) {
        throw Invalid.field("days", "must be a whole number from 1 to " + MAX_DAYS);
      }
    }
    if (supplier != null && !Identifiers.validId(supplier)) {
      throw Invalid.field("supplier", "is not a supplier id");
    }
    List<String> suppliers = files.suppliers();
    String after = STAMP.format(clock.instant().minus(Duration.ofDays(window)));
    List<Map<String, Object>> reports = new ArrayList<>();
    for (String s : supplier == null ? suppliers : List.of(supplier)) {
      for (String name : files.reportNames(s, after)) {
        reports.add(Map.of("supplier", s, "name", name));
      }
    }
    // newest first across suppliers: a name starts with its stamp
    Comparator<Map<String, Object>> newestFirst = Collections.reverseOrder(
        Comparator.comparing((Map<String, Object> r) -> (String) r.get("name")).thenComparing(r -> (String) r.get("supplier")));
    reports.sort(newestFirst);
    if (from != null) {
      Map<String, Object> last = Map.of("name", from.get("name"), "supplier", from.get("supplier"));
      reports.removeIf(r -> newestFirst.compare(r, last) <= 0);
    }
    List<Map<String, Object>> page = reports.subList(0, Math.min(limit, reports.size()));
    String next = reports.size() > page.size() ? PageCursor.encodePosition(Map.of(
        "name", (String) page.get(page.size() - 1).get("name"), "supplier", (String) page.get(page.size() - 1).get("supplier")))
        : null;
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : page) {
      String s = (String) r.get("supplier");
      String name = (String) r.get("name");
      files.report(s, name).ifPresent(report -> {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", ImportReportId.of(name));
        summary.put("supplierId", s);
        SUMMARY.forEach(k -> {
          if (report.containsKey(k) && !k.equals("supplierId")) {
            summary.put(k, report.get(k));
          }
        });
        out.add(summary);
      });
    }
    return new Listing(suppliers, supplier, window, out, next);
  }

  /** One report whole, with {@code id} and {@code rejectedRowsUrl} (when it has a rejected-rows file). */
  public Map<String, Object> report(String supplier, String id) {
    if (!Identifiers.validId(supplier)) {
      throw new NotFound("Supplier " + supplier);
    }
    String name = ImportReportId.name(id);
    Map<String, Object> report = files.report(supplier, name)
        .orElseThrow(() -> new NotFound("Import report " + id + " of supplier " + supplier));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.putAll(report);
    if (report.get("rejectedRowsFile") instanceof String key && key.startsWith("reports/" + supplier + "/")) {
      out.put("rejectedRowsUrl", files.presignGet(key, LINK_TTL).toString());
      out.put("rejectedRowsUrlExpiresAt", clock.instant().plus(LINK_TTL).toString());
    }
    return out;
  }
}
