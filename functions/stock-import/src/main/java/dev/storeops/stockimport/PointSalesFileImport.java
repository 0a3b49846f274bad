package dev.storeops.stockimport;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.storeops.catalog.RecordPointSale;
import dev.storeops.platform.csv.CsvCells;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.stockimport.core.SupplierFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A shop point's daily till export dropped into {@code points/<pointId>/<file>} of the supplier bucket
 * (docs/points.md): each receipt is recorded like a {@code POST /staff/points/{id}/sales}
 * ({@link RecordPointSale}: idempotent by receipt number, so a re-upload changes nothing), a receipt with
 * a bad row is rejected whole (a part of a receipt never moves stock), and the file gets a report
 * ({@code reports/points/<pointId>/<ts>-<file>.json}, rejected rows in {@code …-rejected.csv}) and is moved
 * to {@code processed/points/…} (or {@code quarantine/points/…} when it could not be read at all). A
 * second delivery of the event finds the file gone and does nothing.
 *
 * <p>CSV (FastCSV), UTF-8 or Windows-1251, {@code ;} or {@code ,}, a header line naming the columns
 * {@code receipt}, {@code sold_at} (ISO date-time with offset), {@code sku}, {@code qty}, {@code price}
 * (the unit price charged, roubles: {@code 150.00} or {@code 150,00}) and optionally {@code total} (the
 * receipt's total in roubles, repeated on its rows; checked against the lines).
 */
final class PointSalesFileImport {
  private static final Log LOG = Log.get(PointSalesFileImport.class);
  static final String PREFIX = "points/";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final List<String> REQUIRED = List.of("receipt", "sold_at", "sku", "qty", "price");

  /** The file's report: what was recorded, found recorded already, and rejected. */
  record Report(String pointId, String file, String status, String reason, Instant startedAt, int receipts,
      int recorded, int replayed, int rejectedReceipts, int rejectedRows, List<RejectedRow> rejected,
      String rejectedRowsFile) {}

  record RejectedRow(long row, String receipt, String reason) {}

  private final SupplierFiles files;
  private final RecordPointSale sales;
  private final Clock clock;
  private final long maxBytes;
  private final Path tempDir;

  PointSalesFileImport(SupplierFiles files, RecordPointSale sales, Clock clock, long maxBytes, Path tempDir) {
    this.files = files;
    this.sales = sales;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.tempDir = tempDir;
  }

  static boolean concerns(String key) {
    return key.startsWith(PREFIX);
  }

  /** The report, or empty when the file is gone (an earlier delivery handled it) or the key names no point. */
  Optional<Report> handle(String key, String versionId) {
    String rest = key.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      LOG.warn("till file outside points/<pointId>/, ignored", "key", key);
      return Optional.empty();
    }
    String pointId = rest.substring(0, slash);
    String fileName = rest.substring(slash + 1).replace('/', '_');
    Instant started = clock.instant();
    String base = "points/" + pointId + "/" + STAMP.format(started) + "-" + fileName;
    Path temp = null;
    try {
      temp = Files.createTempFile(tempDir, "till-", ".csv");
      SupplierFiles.Download d = files.download(key, versionId, maxBytes, temp);
      if (d == SupplierFiles.Download.MISSING) {
        LOG.info("till file already handled (gone), delivery ignored", "key", key);
        return Optional.empty();
      }
      Report report;
      if (d == SupplierFiles.Download.TOO_LARGE) {
        report = refused(pointId, key, started, "the file is larger than " + maxBytes + " bytes");
      } else {
        report = apply(pointId, key, base, started, text(Files.readAllBytes(temp)));
      }
      files.put("reports/" + base + ".json", Json.mapper().writeValueAsBytes(report), "application/json");
      String to = ("applied".equals(report.status()) ? "processed/" : "quarantine/") + base;
      files.move(key, versionId, to);
      LOG.info("till file imported", "pointId", pointId, "status", report.status(), "receipts", report.receipts(),
          "recorded", report.recorded(), "replayed", report.replayed(), "rejectedReceipts", report.rejectedReceipts());
      return Optional.of(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a temp file; /tmp is the container's
        }
      }
    }
  }

  private Report refused(String pointId, String key, Instant started, String reason) {
    return new Report(pointId, key, "refused", reason, started, 0, 0, 0, 0, 0, List.of(), null);
  }

  private record Row(long line, String receipt, String soldAt, String sku, String qty, String price, String total) {}

  private Report apply(String pointId, String key, String base, Instant started, String text) throws IOException {
    char delimiter = firstLine(text).contains(";") ? ';' : ',';
    Map<String, List<Row>> receipts = new LinkedHashMap<>();
    Map<String, Integer> columns = null;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(text)) {
      for (CsvRecord r : reader) {
        if (r.getFields().stream().allMatch(String::isBlank)) {
          continue;
        }
        if (columns == null) {
          columns = new LinkedHashMap<>();
          for (int i = 0; i < r.getFieldCount(); i++) {
            columns.put(r.getField(i).strip().toLowerCase(Locale.ROOT), i);
          }
          Map<String, Integer> header = columns;
          List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
          if (!missing.isEmpty()) {
            return refused(pointId, key, started, "the header line lacks the columns " + missing
                + " (receipt, sold_at, sku, qty, price; optional total)");
          }
          continue;
        }
        Map<String, Integer> c = columns;
        Row row = new Row(r.getStartingLineNumber(), cell(r, c, "receipt"), cell(r, c, "sold_at"), cell(r, c, "sku"),
            cell(r, c, "qty"), cell(r, c, "price"), cell(r, c, "total"));
        receipts.computeIfAbsent(row.receipt(), k -> new ArrayList<>()).add(row);
      }
    }
    if (columns == null) {
      return refused(pointId, key, started, "the file is empty");
    }
    int recorded = 0;
    int replayed = 0;
    int rejectedReceipts = 0;
    List<RejectedRow> rejected = new ArrayList<>();
    for (var e : receipts.entrySet()) {
      List<Row> rows = e.getValue();
      try {
        RecordPointSale.Result result = sales.record(pointId, request(e.getKey(), rows), "till:" + pointId,
            "file:" + key);
        if (result.replayed()) {
          replayed++;
        } else {
          recorded++;
        }
      } catch (DomainException refused) {
        rejectedReceipts++;
        String reason = refused.getMessage() + (refused.errors() == null || refused.errors().isEmpty() ? ""
            : ": " + refused.errors().stream().map(f -> f.field() + " " + f.message()).toList());
        rows.forEach(r -> rejected.add(new RejectedRow(r.line(), e.getKey(), reason)));
      }
    }
    String rejectedFile = null;
    if (!rejected.isEmpty()) {
      rejectedFile = "reports/" + base + "-rejected.csv";
      StringWriter out = new StringWriter();
      try (CsvWriter w = CsvWriter.builder().build(out)) {
        w.writeRecord("row", "receipt", "reason");
        rejected.forEach(r -> w.writeRecord(CsvCells.neutralise(List.of(String.valueOf(r.row()),
            String.valueOf(r.receipt()), r.reason()))));
      }
      files.put(rejectedFile, out.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");
    }
    return new Report(pointId, key, "applied", null, started, receipts.size(), recorded, replayed, rejectedReceipts,
        rejected.size(), rejected.size() > 100 ? rejected.subList(0, 100) : rejected, rejectedFile);
  }

  /** One receipt's rows as the API's request; a cell that is not a number is left for the rule to name. */
  private static RecordPointSale.Request request(String receipt, List<Row> rows) {
    List<RecordPointSale.LineRequest> lines = new ArrayList<>();
    Long total = null;
    boolean totalGiven = false;
    for (Row r : rows) {
      lines.add(new RecordPointSale.LineRequest(r.sku(), whole(r.qty()), kopecks(r.price())));
      if (r.total() != null && !r.total().isBlank()) {
        totalGiven = true;
        total = kopecks(r.total());
      }
    }
    if (!totalGiven) {
      long sum = 0;
      for (var l : lines) {
        if (l.qty() == null || l.priceMinor() == null) {
          sum = -1;
          break;
        }
        sum += l.qty() * l.priceMinor();
      }
      total = sum < 0 ? null : sum;
    }
    return new RecordPointSale.Request(receipt, rows.get(0).soldAt(), lines, total);
  }

  private static String cell(CsvRecord r, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null || i >= r.getFieldCount() ? null : r.getField(i).strip();
  }

  private static Long whole(String v) {
    try {
      return v == null ? null : Long.parseLong(v.replace(" ", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Roubles ({@code 150}, {@code 150.5}, {@code 150,50}) → kopecks; null when it is not an amount. */
  static Long kopecks(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      BigDecimal roubles = new BigDecimal(v.replace("\u00a0", "").replace(" ", "").replace(',', '.'));
      if (roubles.scale() > 2) {
        return null;
      }
      return roubles.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** UTF-8 (a BOM dropped), else Windows-1251 (what Russian tills and 1C export). */
  static String text(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\ufeff") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1251"));
    }
  }
}
