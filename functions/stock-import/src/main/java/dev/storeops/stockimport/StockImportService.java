package dev.storeops.stockimport;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.reporting.SupplierTerms;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.platform.csv.CsvCells;
import dev.storeops.stockimport.core.BadInputException;
import dev.storeops.stockimport.core.CurrentStock;
import dev.storeops.stockimport.core.FileReaders;
import dev.storeops.stockimport.core.ImportLedger;
import dev.storeops.stockimport.core.ImportPlan;
import dev.storeops.stockimport.core.ImportReport;
import dev.storeops.stockimport.core.ParsedFile;
import dev.storeops.stockimport.core.Rejection;
import dev.storeops.stockimport.core.StockChange;
import dev.storeops.stockimport.core.StockCounted;
import dev.storeops.stockimport.core.StockFileParser;
import dev.storeops.stockimport.core.StockPlanner;
import dev.storeops.stockimport.core.StockStore;
import dev.storeops.stockimport.core.SupplierFiles;
import dev.storeops.stockimport.core.SupplierPricePlanner;
import dev.storeops.stockimport.core.SupplierPriceStore;
import dev.storeops.stockimport.core.SupplierProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports one supplier file: claim (once per S3 object) → profile → download (size-capped) → parse
 * and normalise (streaming) → diff against the supplier's stock → safety stop or write the changed
 * items → report (+ rejected rows CSV) → move the file to processed/ or quarantine/ → alert staff when
 * the file was not applied. Nothing is written before the whole file has been read and checked.
 */
public final class StockImportService {
  private static final Log LOG = Log.get(StockImportService.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  /** Longer than the function's timeout (900 s): an unfinished claim is free again after it. */
  static final Duration LEASE = Duration.ofMinutes(16);
  private static final String PROFILES = "profiles/";

  /** Limits and wiring that tests and the benchmark may change. */
  public record Settings(long maxFileBytes, int writeThreads, String opsEmail, Path tempDir) {
    public static final long DEFAULT_MAX_FILE_BYTES = 100L << 20;
  }

  /** The S3 object an event names. */
  public record ObjectRef(String bucket, String key, String versionId, String eTag, String sequencer, Long size) {
    String idempotencyId() {
      String version = versionId != null && !versionId.isBlank() ? "v:" + versionId : "e:" + eTag;
      return bucket + "/" + key + "/" + version + "/" + sequencer;
    }
  }

  private final SupplierFiles files;
  private final StockStore stock;
  private final ImportLedger ledger;
  private final MailOutbox mail;
  private final Clock clock;
  private final Settings settings;
  private final ExecutorService writers;
  private final StockCounted counted;
  private final SupplierPriceStore prices;
  private volatile SupplierTerms.Recorder terms = SupplierTerms.Recorder.NOTHING;

  public StockImportService(SupplierFiles files, StockStore stock, ImportLedger ledger, MailOutbox mail, Clock clock,
      Settings settings) {
    this(files, stock, ledger, mail, clock, settings, StockCounted.nothing());
  }

  /** @param counted what follows each count written (the orders it leaves short are flagged) */
  public StockImportService(SupplierFiles files, StockStore stock, ImportLedger ledger, MailOutbox mail, Clock clock,
      Settings settings, StockCounted counted) {
    this(files, stock, ledger, mail, clock, settings, counted, null);
  }

  /**
   * @param prices where supplier prices and shop-price changes go; {@code null} only for a service
   *     whose profiles map no price column (such a profile then fails the import)
   */
  public StockImportService(SupplierFiles files, StockStore stock, ImportLedger ledger, MailOutbox mail, Clock clock,
      Settings settings, StockCounted counted, SupplierPriceStore prices) {
    this.prices = prices;
    this.counted = counted;
    this.files = files;
    this.stock = stock;
    this.ledger = ledger;
    this.mail = mail;
    this.clock = clock;
    this.settings = settings;
    this.writers = Executors.newFixedThreadPool(Math.max(1, settings.writeThreads()), r -> {
      Thread t = new Thread(r, "stock-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Where each valid profile the service reads leaves its purchase terms ({@code leadTimeDays}), so that the
   * purchase list (scheduler, staff-api) reads them from the table without the supplier bucket (docs/reports.md).
   */
  public StockImportService recordingTermsIn(SupplierTerms.Recorder recorder) {
    this.terms = recorder;
    return this;
  }

  /** Whether a key is a supplier profile ({@code profiles/<supplierId>.json}, no deeper folder). */
  public static boolean isProfile(String key) {
    return key.startsWith(PROFILES) && key.endsWith(".json") && key.length() > PROFILES.length() + ".json".length()
        && key.indexOf('/', PROFILES.length()) < 0;
  }

  /**
   * A profile saved in the bucket ({@code profiles/<supplierId>.json}): its purchase terms are recorded at
   * once, so the purchase list has them before the supplier's next file. A profile that is not valid is logged
   * and left (the next import reports it); recording again is harmless (idempotent).
   *
   * @return whether the terms were recorded
   */
  public boolean profileSaved(String key) {
    if (!isProfile(key)) {
      LOG.info("not a supplier profile, ignored", "key", key);
      return false;
    }
    String supplierId = key.substring(PROFILES.length(), key.length() - ".json".length());
    try {
      profile(supplierId);
      return true;
    } catch (BadInputException e) {
      LOG.warn("supplier profile not valid, its terms are not recorded", "key", key, "reason", e.getMessage());
      return false;
    }
  }

  /** The report, or empty when the object was not imported now (already done, busy, not an incoming file). */
  public Optional<ImportReport> handle(ObjectRef object) {
    if (!object.key().startsWith("incoming/")) {
      LOG.info("not an incoming supplier file, ignored", "key", object.key());
      return Optional.empty();
    }
    String id = object.idempotencyId();
    ImportLedger.Claim claim = ledger.claim(id, clock.instant(), LEASE);
    if (claim != ImportLedger.Claim.ACQUIRED) {
      LOG.info("supplier file already imported or being imported, delivery ignored", "key", object.key(),
          "claim", claim.name());
      return Optional.empty();
    }
    try {
      Optional<ImportReport> report = run(object);
      ledger.complete(id, report.map(ImportReport::status).orElse("missing"),
          report.map(r -> reportKey(r.supplierId(), r.startedAt(), object.key())).orElse(null), clock.instant());
      return report;
    } catch (RuntimeException | Error e) {
      ledger.release(id);
      throw e;
    }
  }

  private Optional<ImportReport> run(ObjectRef object) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    String[] parts = object.key().split("/", 3);
    String supplierId = parts.length == 3 && !parts[1].isBlank() ? parts[1] : "_unknown";
    String fileName = parts.length == 3 ? parts[2] : object.key().substring("incoming/".length());
    String stamp = STAMP.format(started);
    String safeName = fileName.replace('/', '_');
    Builder report = new Builder(supplierId, object.key(), started);
    Path temp = null;
    Path rejectedCsv = null;
    try {
      try {
        if (supplierId.equals("_unknown")) {
          throw new BadInputException("files go to incoming/<supplierId>/<file>; this key names no supplier");
        }
        SupplierProfile profile = profile(supplierId);
        if (object.size() != null && object.size() > settings.maxFileBytes()) {
          throw new BadInputException(tooLarge(object.size()));
        }
        temp = Files.createTempFile(settings.tempDir(), "supplier-", ".upload");
        SupplierFiles.Download download = files.download(object.key(), object.versionId(), settings.maxFileBytes(),
            temp);
        if (download == SupplierFiles.Download.MISSING) {
          LOG.info("supplier file is gone (moved by an earlier delivery?), nothing to do", "key", object.key());
          return Optional.empty();
        }
        if (download == SupplierFiles.Download.TOO_LARGE) {
          throw new BadInputException(tooLarge(null));
        }
        rejectedCsv = Files.createTempFile(settings.tempDir(), "rejected-", ".csv");
        ParsedFile parsed = parse(temp, fileName, profile, rejectedCsv, report);
        report.parsed(parsed);
        List<String> warehouses = profile.warehouses();
        Map<String, Map<String, CurrentStock>> current = new LinkedHashMap<>();
        Map<String, ImportPlan> plans = new LinkedHashMap<>();
        String refusal = null;
        for (String warehouse : warehouses) {
          Map<String, CurrentStock> now = stock.supplierStock(profile.supplierId(), warehouse);
          ImportPlan plan = StockPlanner.plan(parsed.byWarehouse().get(warehouse), parsed.rejectedCount(), now,
              profile);
          current.put(warehouse, now);
          plans.put(warehouse, plan);
          if (plan.refused() && refusal == null) {
            refusal = (warehouses.size() > 1 ? "warehouse " + warehouse + ": " : "") + plan.refusal();
          }
        }
        SupplierPricePlanner.PricePlan pricePlan = null;
        if (!parsed.prices().isEmpty()) {
          if (prices == null) {
            throw new IllegalStateException("the profile maps price columns but this service has no price store");
          }
          pricePlan = SupplierPricePlanner.plan(parsed.prices(), prices.supplierPrices(profile.supplierId()),
              profile.priceRule());
        }
        report.plans(plans, profile.multiWarehouse(), refusal != null);
        if (refusal != null) {
          report.status = ImportReport.REFUSED;
          report.reason = refusal;
        } else {
          for (String warehouse : warehouses) {
            write(profile, warehouse, plans.get(warehouse).changes(), object.key(), current.get(warehouse));
          }
          if (pricePlan != null) {
            writePrices(profile, pricePlan, object.key(), report);
          }
          report.status = ImportReport.APPLIED;
        }
      } catch (BadInputException e) {
        report.status = ImportReport.QUARANTINED;
        report.reason = e.getMessage();
      }
      String reportKey = reportKey(supplierId, started.toString(), object.key());
      if (report.rejectedCount > 0 && rejectedCsv != null) {
        report.rejectedRowsFile = "reports/" + supplierId + "/" + stamp + "-" + safeName + "-rejected.csv";
        files.put(report.rejectedRowsFile, rejectedCsv, "text/csv; charset=utf-8");
      }
      String target = (report.status.equals(ImportReport.APPLIED) ? "processed/" : "quarantine/") + supplierId + "/"
          + stamp + "-" + safeName;
      report.movedTo = target;
      report.durationMs = (System.nanoTime() - startNanos) / 1_000_000;
      ImportReport done = report.build();
      files.put(reportKey, Json.write(done).getBytes(StandardCharsets.UTF_8), "application/json");
      if (!files.move(object.key(), object.versionId(), target)) {
        LOG.warn("supplier file was already moved", "key", object.key());
      }
      LOG.info("supplier file imported", "supplierId", supplierId, "key", object.key(), "status", done.status(),
          "updated", done.updated(), "unchanged", done.unchanged(), "zeroed", done.zeroed(), "rejected",
          done.rejectedCount(), "durationMs", done.durationMs());
      if (!done.status().equals(ImportReport.APPLIED)) {
        alert(done, reportKey);
      }
      return Optional.of(done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(temp);
      delete(rejectedCsv);
    }
  }

  private String tooLarge(Long size) {
    return "the file is " + (size == null ? "larger than the limit" : size + " bytes") + "; the limit is "
        + settings.maxFileBytes() + " bytes: split it";
  }

  private SupplierProfile profile(String supplierId) {
    byte[] raw = files.read(PROFILES + supplierId + ".json").orElseThrow(() -> new BadInputException(
        "no profile for supplier '" + supplierId + "': put profiles/" + supplierId + ".json in the bucket"));
    SupplierProfile profile;
    try {
      profile = Json.mapper().readValue(raw, SupplierProfile.class);
    } catch (IOException e) {
      throw new BadInputException("profile profiles/" + supplierId + ".json is not valid JSON: " + e.getMessage(), e);
    }
    SupplierProfile valid = profile.validated();
    if (!valid.supplierId().equals(supplierId)) {
      throw new BadInputException("profile profiles/" + supplierId + ".json names supplierId '" + valid.supplierId()
          + "'");
    }
    try {
      terms.record(supplierId, SupplierTerms.leadTimeDaysIn(Json.mapper().readTree(raw)));
    } catch (IOException e) {
      throw new BadInputException("profile profiles/" + supplierId + ".json is not valid JSON: " + e.getMessage(), e);
    }
    return valid;
  }

  private static ParsedFile parse(Path file, String fileName, SupplierProfile profile, Path rejectedCsv,
      Builder report) throws IOException {
    StockFileParser parser = new StockFileParser(profile);
    try (CsvWriter rejected = CsvWriter.builder().build(rejectedCsv, StandardCharsets.UTF_8)) {
      rejected.writeRecord("row", "reason", "cells");
      FileReaders.Opened opened;
      opened = FileReaders.open(file, fileName, profile, parser.detector());
      report.format = opened.format();
      report.encoding = opened.encoding();
      report.delimiter = opened.delimiter();
      try (var rows = opened.rows()) {
        return parser.parse(rows, (Rejection r) -> {
          report.rejectedCount++;
          try {
            List<String> record = new ArrayList<>();
            record.add(Long.toString(r.row()));
            record.add(r.reason());
            record.addAll(r.cells());
            // a supplier's cell such as =HYPERLINK(...) opens as text in the buyer's spreadsheet
            rejected.writeRecord(CsvCells.neutralise(record));
          } catch (UncheckedIOException e) {
            throw e;
          }
        });
      }
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BadInputException("the file could not be read: " + e.getClass().getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** Stores the changed supplier prices, then applies the price rule's shop prices (each change written down). */
  private void writePrices(SupplierProfile profile, SupplierPricePlanner.PricePlan plan, String file, Builder report) {
    Instant now = clock.instant();
    parallel(plan.changed(), line -> prices.write(profile.supplierId(), line, now, file));
    java.util.Queue<SupplierPriceStore.ShopPriceChange> changed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    parallel(plan.shopPrices(), p -> prices.setShopPrice(p.sku(), p.priceMinor(), profile.supplierId(), now, file,
        p.why()).ifPresent(changed::add));
    report.pricesUpdated = (long) plan.changed().size();
    report.pricesUnchanged = plan.unchanged();
    report.shopPricesChanged = (long) changed.size();
    report.shopPriceChanges = changed.stream().limit(StockFileParser.REPORT_SAMPLE)
        .map(c -> new ImportReport.PriceChange(c.sku(), c.oldPriceMinor(), c.newPriceMinor())).toList();
  }

  private void write(SupplierProfile profile, String warehouse, List<StockChange> changes, String file,
      Map<String, CurrentStock> current) {
    // a row left short by an earlier delivery of this file that failed after writing is flagged first,
    // so that a file failing on every try still flags what its earlier tries cut
    java.util.Set<String> changed = new java.util.HashSet<>();
    changes.forEach(c -> changed.add(c.sku()));
    for (CurrentStock stored : current.values()) {
      if (!changed.contains(stored.sku()) && stored.onHand() < stored.reserved()) {
        var levels = dev.storeops.catalog.StockLedger.Levels.of(stored.onHand(), stored.reserved());
        counted.counted(profile.supplierId(), warehouse, new StockStore.Written(stored.sku(), levels, levels), file);
      }
    }
    // each row's holders are looked at right after its write, not after the whole file: a failure
    // later in the file leaves no written row unflagged
    Instant now = clock.instant();
    parallel(changes, change -> counted.counted(profile.supplierId(), warehouse,
        stock.write(profile.supplierId(), warehouse, change, now, file), file));
  }

  /** Runs the writes on the writer threads; the first failure stops the rest and is thrown. */
  private <T> void parallel(List<T> changes, java.util.function.Consumer<T> write) {
    if (changes.isEmpty()) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    int workers = Math.min(Math.max(1, settings.writeThreads()), changes.size());
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      running.add(writers.submit(() -> {
        int i;
        while (failure.get() == null && (i = next.getAndIncrement()) < changes.size()) {
          try {
            write.accept(changes.get(i));
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }
      }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing stock", e);
      } catch (java.util.concurrent.ExecutionException e) {
        failure.compareAndSet(null, new IllegalStateException(e.getCause()));
      }
    }
    if (failure.get() != null) {
      // a store failure (not bad input): the event is retried; the diff then writes only what is still missing
      throw failure.get();
    }
  }

  private void alert(ImportReport report, String reportKey) {
    if (settings.opsEmail() == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("supplierId", report.supplierId());
    data.put("file", report.file());
    data.put("status", report.status());
    data.put("reason", report.reason() == null ? "" : report.reason());
    data.put("report", reportKey);
    data.put("reportKey", reportKey); // the name the stock-import-alert template reads (found by sim/SendingCrashTest)
    data.put("movedTo", report.movedTo());
    mail.send(new MailIntent("stock-import#" + reportKey, "stock-import-alert", MailIntent.Category.STAFF, null,
        settings.opsEmail(), null, "stock-import", data));
  }

  static String reportKey(String supplierId, String startedAt, String key) {
    String[] parts = key.split("/", 3);
    String name = (parts.length == 3 ? parts[2] : key).replace('/', '_');
    return "reports/" + supplierId + "/" + STAMP.format(Instant.parse(startedAt)) + "-" + name + ".json";
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("temporary file not deleted", "path", p.toString());
      }
    }
  }

  /**
   * SnapStart priming (docs/performance.md): a small stock list shipped in the jar ({@code resource}, an
   * XLSX, XLS or CSV under {@code /priming/}) copied to the temp directory and taken through the real path
   * short of the writes: the readers (ZIP and XML of XLSX, POI's BIFF8 events, CSV with encoding and
   * delimiter sniffing), the parser with {@code profile}, the rejected-rows CSV, the planner against the
   * stock the store holds for {@code profile}'s supplier (a read; the priming supplier has none), the price
   * plan, and the report as JSON. Nothing is written but the temp files, which are deleted.
   */
  ImportReport primeImport(String resource, SupplierProfile profile) throws IOException {
    Path file = Files.createTempFile(settings.tempDir(), "priming-", ".upload");
    Path rejectedCsv = Files.createTempFile(settings.tempDir(), "priming-rejected-", ".csv");
    try (java.io.InputStream in = StockImportService.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("priming file missing from the jar: " + resource);
      }
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String fileName = resource.substring(resource.lastIndexOf('/') + 1);
      Builder report = new Builder(profile.supplierId(), "incoming/" + profile.supplierId() + "/" + fileName,
          clock.instant());
      ParsedFile parsed = parse(file, fileName, profile, rejectedCsv, report);
      report.parsed(parsed);
      Map<String, ImportPlan> plans = new LinkedHashMap<>();
      for (String warehouse : profile.warehouses()) {
        plans.put(warehouse, StockPlanner.plan(parsed.byWarehouse().get(warehouse), parsed.rejectedCount(),
            stock.supplierStock(profile.supplierId(), warehouse), profile));
      }
      if (!parsed.prices().isEmpty() && prices != null) {
        SupplierPricePlanner.plan(parsed.prices(), prices.supplierPrices(profile.supplierId()), profile.priceRule());
      }
      report.plans(plans, profile.multiWarehouse(), false);
      report.status = ImportReport.APPLIED;
      report.movedTo = "processed/" + profile.supplierId() + "/" + STAMP.format(clock.instant()) + "-" + fileName;
      ImportReport done = report.build();
      Json.write(done).getBytes(StandardCharsets.UTF_8);
      return done;
    } finally {
      delete(file);
      delete(rejectedCsv);
    }
  }

  /** Collects the report's figures as the import goes. */
  private static final class Builder {
    final String supplierId;
    final String file;
    final Instant started;
    String status;
    String reason;
    String format;
    String encoding;
    String delimiter;
    Long headerRow;
    long rowsRead;
    long dataRows;
    long updated;
    long unchanged;
    long zeroed;
    Map<String, Long> skipped;
    long rejectedCount;
    List<ImportReport.RejectedRow> rejected = List.of();
    long warningCount;
    List<String> warnings = List.of();
    String rejectedRowsFile;
    String movedTo;
    long durationMs;
    Map<String, ImportReport.WarehouseFigures> warehouses;
    Long pricesUpdated;
    Long pricesUnchanged;
    Long shopPricesChanged;
    List<ImportReport.PriceChange> shopPriceChanges;

    Builder(String supplierId, String file, Instant started) {
      this.supplierId = supplierId;
      this.file = file;
      this.started = started;
    }

    void parsed(ParsedFile p) {
      headerRow = p.header().rowNumber();
      rowsRead = p.rowsRead();
      dataRows = p.dataRows();
      skipped = p.skipped();
      rejectedCount = p.rejectedCount();
      rejected = p.rejectedSample().stream().map(r -> new ImportReport.RejectedRow(r.row(), r.sku(), r.reason(),
          r.values().isEmpty() ? null : r.values())).toList();
      warningCount = p.warningCount();
      warnings = p.warningSample();
    }

    void plans(Map<String, ImportPlan> plans, boolean perWarehouse, boolean refused) {
      unchanged = 0;
      zeroed = 0;
      updated = 0;
      Map<String, ImportReport.WarehouseFigures> figures = new LinkedHashMap<>();
      for (var e : plans.entrySet()) {
        ImportPlan plan = e.getValue();
        long u = refused ? 0 : plan.changes().size();
        long z = refused ? 0 : plan.zeroed();
        unchanged += plan.unchanged();
        zeroed += z;
        updated += u;
        figures.put(e.getKey(), new ImportReport.WarehouseFigures(u, plan.unchanged(), z));
      }
      warehouses = perWarehouse ? figures : null;
    }

    ImportReport build() {
      return new ImportReport(supplierId, file, status, reason, started.toString(), durationMs, format, encoding,
          delimiter, headerRow, rowsRead, dataRows, updated, unchanged, zeroed, skipped, rejectedCount, rejected,
          warningCount, warnings, rejectedRowsFile, movedTo, warehouses, pricesUpdated, pricesUnchanged,
          shopPricesChanged, shopPriceChanges);
    }
  }
}
