package dev.storeops.bench;

import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.stack.AwsStack;
import dev.storeops.stockimport.StockImportService;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import dev.storeops.stockimport.core.CurrentStock;
import dev.storeops.stockimport.core.ImportReport;
import dev.storeops.stockimport.core.QuantityParser;
import dev.storeops.stockimport.core.Skus;
import dev.storeops.stockimport.core.StockChange;
import dev.storeops.stockimport.core.StockStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 5's benchmark. Generates a CSV and an XLSX of {@code --rows} rows (default 1,000,000) and
 * prints, for stock-import and for a naive baseline in the same run:
 *
 * <ul>
 *   <li>parse + normalise rows/s and peak heap — each parse runs in a child JVM with its own
 *       {@code -Xmx} (ours: {@code --heap}, default 512m; the POI usermodel baseline first at the same
 *       heap, then at {@code --baseline-heap}, default 6g, if it ran out of memory);
 *   <li>DynamoDB items written (and time) for a first import, a re-import of the same file and a file
 *       with 1 % changed quantities, on the embedded AWS stack: ours through the real service (S3 →
 *       parse → diff → conditional UpdateItem of changed SKUs), the baseline = POI usermodel + one
 *       PutItem per row, both with {@code --threads} writers (default 16). {@code --db-rows} (default =
 *       rows) limits the DynamoDB part to fit a machine's time.
 * </ul>
 */
public final class StockImportBench {

  private StockImportBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("parse")) {
      child(args);
      return;
    }
    Map<String, String> options = options(args);
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    int dbRows = Integer.parseInt(options.getOrDefault("db-rows", Integer.toString(rows)));
    int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
    String heap = options.getOrDefault("heap", "512m");
    String baselineHeap = options.getOrDefault("baseline-heap", "6g");
    Path dir = Files.createTempDirectory("stock-bench");
    try {
      run(dir, rows, dbRows, threads, heap, baselineHeap);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void run(Path dir, int rows, int dbRows, int threads, String heap, String baselineHeap)
      throws Exception {
    out("stock-import benchmark: %,d rows (DynamoDB part: %,d rows), %d writer threads, %d CPUs, java %s", rows,
        dbRows, threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    long t0 = System.nanoTime();
    Path csv = dir.resolve("stock.csv");
    Path xlsx = dir.resolve("stock.xlsx");
    writeCsv(csv, rows, 0);
    writeXlsx(xlsx, rows);
    out("generated %s (%,d bytes) and %s (%,d bytes) in %.1f s", csv.getFileName(), Files.size(csv),
        xlsx.getFileName(), Files.size(xlsx), seconds(t0));

    out("");
    out("== parse + normalise (each in its own JVM) ==");
    Map<String, Result> parse = new LinkedHashMap<>();
    parse.put("ours csv", parseInChild("ours", csv, heap));
    parse.put("ours xlsx", parseInChild("ours", xlsx, heap));
    parse.put("naive csv", parseInChild("naive", csv, heap));
    Result poi = parseInChild("poi", xlsx, heap);
    if (poi.failed() && !baselineHeap.equals(heap)) {
      parse.put("poi xlsx -Xmx" + heap, poi);
      poi = parseInChild("poi", xlsx, baselineHeap);
    }
    parse.put("poi xlsx -Xmx" + (poi.heap()), poi);
    for (var e : parse.entrySet()) {
      out("%-22s %s", e.getKey(), e.getValue());
    }
    Result oursXlsx = parse.get("ours xlsx");
    out("ratio xlsx ours/poi: rows/s %.2f, peak heap %.2f", oursXlsx.rowsPerSecond() / poi.rowsPerSecond(),
        (double) oursXlsx.peakHeapMb() / poi.peakHeapMb());
    Result oursCsv = parse.get("ours csv");
    Result naiveCsv = parse.get("naive csv");
    out("ratio csv ours/naive (readAllLines+split): rows/s %.2f, peak heap %.2f",
        oursCsv.rowsPerSecond() / naiveCsv.rowsPerSecond(), (double) oursCsv.peakHeapMb() / naiveCsv.peakHeapMb());
    out("xlsx within -Xmx%s: %s", heap, oursXlsx.failed() ? "NO (" + oursXlsx.error() + ")" : "yes");

    out("");
    out("== DynamoDB items written (embedded AWS stack) ==");
    Path dbCsv = dir.resolve("db.csv");
    Path dbCsvChanged = dir.resolve("db-1pct.csv");
    Path dbXlsx = dir.resolve("db.xlsx");
    Path dbXlsxChanged = dir.resolve("db-1pct.xlsx");
    writeCsv(dbCsv, dbRows, 0);
    writeCsv(dbCsvChanged, dbRows, 100);
    if (dbRows == rows) {
      Files.copy(xlsx, dbXlsx);
    } else {
      writeXlsx(dbXlsx, dbRows);
    }
    writeXlsx(dbXlsxChanged, dbRows, 100);
    System.setProperty("storeops.stack", System.getProperty("storeops.stack", "embedded"));
    try (AwsStack stack = AwsStack.start()) {
      String bucket = stack.bucketName("SupplierBucket");
      String table = stack.tableName("StoreTable");
      CountingStore store = new CountingStore(new DynamoStockStore(stack.dynamoDb(), table));
      StockImportService service = new StockImportService(new S3SupplierFiles(stack.s3(), bucket), store,
          new DynamoImportLedger(stack.dynamoDb(), table), new SqsMailOutbox(stack.sqs(),
          stack.queueUrl("EmailQueue")), Clock.systemUTC(), new StockImportService.Settings(
          StockImportService.Settings.DEFAULT_MAX_FILE_BYTES, threads, "ops@example.com", dir));
      stack.s3().putObject(b -> b.bucket(bucket).key("profiles/bench.json"),
          RequestBody.fromString(dev.storeops.platform.json.Json.write(ParseChild.PROFILE)));
      String[] names = {"first import", "re-import same file", "1 % changed"};
      Path[] files = {dbCsv, dbCsv, dbCsvChanged};
      long[][] ours = new long[3][];
      for (int i = 0; i < 3; i++) {
        store.writes.set(0);
        Path file = files[i];
        String key = "incoming/bench/stock-" + i + ".csv";
        stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        long start = System.nanoTime();
        ImportReport report = service.handle(new StockImportService.ObjectRef(bucket, key, null, "e" + i, "s" + i,
            Files.size(file))).orElseThrow();
        long ms = (System.nanoTime() - start) / 1_000_000;
        ours[i] = new long[] {store.writes.get(), ms};
        out("ours     %-20s items written %,9d   updated %,9d unchanged %,9d   %,7d ms (%s)", names[i],
            store.writes.get(), report.updated(), report.unchanged(), ms, report.status());
      }
      Path[] baselineFiles = {dbXlsx, dbXlsx, dbXlsxChanged};
      long[][] base = new long[3][];
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        long written = poiPutItemPerRow(baselineFiles[i], stack.dynamoDb(), table, threads);
        long ms = (System.nanoTime() - start) / 1_000_000;
        base[i] = new long[] {written, ms};
        out("baseline %-20s items written %,9d   %,7d ms", names[i], written, ms);
      }
      for (int i = 0; i < 3; i++) {
        out("ratio ours/baseline %-20s items written %.4f   time %.2f", names[i],
            (double) ours[i][0] / Math.max(1, base[i][0]), (double) ours[i][1] / Math.max(1, base[i][1]));
      }
    }
    out("total %.1f s", seconds(t0));
  }

  /** The real repository, counting the stock items it writes. */
  static final class CountingStore implements StockStore {
    final StockStore delegate;
    final AtomicLong writes = new AtomicLong();

    CountingStore(StockStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<String, CurrentStock> supplierStock(String supplierId, String warehouse) {
      return delegate.supplierStock(supplierId, warehouse);
    }

    @Override
    public Written write(String supplierId, String warehouse, StockChange change, Instant now, String file) {
      writes.incrementAndGet();
      return delegate.write(supplierId, warehouse, change, now, file);
    }
  }

  /** The naive baseline: the whole workbook in memory (POI usermodel), one PutItem per row. */
  static long poiPutItemPerRow(Path xlsx, DynamoDbClient dynamo, String table, int threads) throws Exception {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    String now = Instant.now().toString();
    try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
      Sheet sheet = wb.getSheetAt(0);
      for (Row row : sheet) {
        if (row.getRowNum() == 0) {
          continue;
        }
        String sku = formatter.formatCellValue(row.getCell(0));
        long qty = (long) row.getCell(2).getNumericCellValue();
        Map<String, AttributeValue> item = new HashMap<>();
        // the same item shape as ours (the stock contract), under another warehouse id
        item.put("pk", AttributeValue.fromS("SKU#" + sku));
        item.put("sk", AttributeValue.fromS("STOCK#baseline-1"));
        item.put("type", AttributeValue.fromS("Stock"));
        item.put("sku", AttributeValue.fromS(sku));
        item.put("warehouse", AttributeValue.fromS("baseline-1"));
        item.put("supplierId", AttributeValue.fromS("bench"));
        item.put("gsi1pk", AttributeValue.fromS("SUPPLIER#bench#baseline-1"));
        item.put("gsi1sk", AttributeValue.fromS("SKU#" + sku));
        item.put("onHand", AttributeValue.fromN(Long.toString(qty)));
        item.put("available", AttributeValue.fromN(Long.toString(qty)));
        item.put("reserved", AttributeValue.fromN("0"));
        item.put("updatedAt", AttributeValue.fromS(now));
        items.add(item);
      }
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < items.size()) {
          Map<String, AttributeValue> item = items.get(i);
          dynamo.putItem(b -> b.tableName(table).item(item));
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return items.size();
  }

  // ------------------------------------------------------------------ parse in a child JVM

  record Result(String heap, long rows, long ms, long peakHeapMb, String error) {
    boolean failed() {
      return error != null;
    }

    double rowsPerSecond() {
      return ms == 0 ? 0 : rows * 1000.0 / ms;
    }

    @Override
    public String toString() {
      if (failed()) {
        return String.format(Locale.ROOT, "-Xmx%-5s FAILED: %s (peak heap %,d MB)", heap, error, peakHeapMb);
      }
      return String.format(Locale.ROOT, "-Xmx%-5s %,10.0f rows/s  %,8d ms  peak heap %,6d MB  (%,d rows)", heap,
          rowsPerSecond(), ms, peakHeapMb, rows);
    }
  }

  private static Result parseInChild(String impl, Path file, String heap) throws Exception {
    ParseChild.Answer answer = ParseChild.run(StockImportBench.class, heap, List.of("parse", impl, file.toString()));
    if (answer.result() == null) {
      return new Result(heap, 0, 0, 0, answer.noResult());
    }
    String[] f = answer.result().split(" ", 6);
    String error = f.length > 5 && !f[5].equals("-") ? f[5] : null;
    return new Result(heap, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), error);
  }

  /** In the child JVM: parse the file, print {@code RESULT rows ms peakHeapMb 0 error|-}. */
  private static void child(String[] args) {
    String impl = args[1];
    Path file = Path.of(args[2]);
    ParseChild.PeakHeap peak = new ParseChild.PeakHeap();
    long start = System.nanoTime();
    long rows = 0;
    String error = "-";
    try {
      rows = switch (impl) {
        case "ours" -> ParseChild.ours(file);
        case "naive" -> naiveCsv(file);
        case "poi" -> poi(file);
        default -> throw new IllegalArgumentException(impl);
      };
    } catch (OutOfMemoryError e) {
      error = "OutOfMemoryError";
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ":" + e.getMessage();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    peak.stop();
    System.out.println("RESULT " + rows + " " + ms + " " + peak.megabytes() + " 0 " + error.replace(' ', '_'));
  }

  /** Naive CSV: all lines in memory, split, the same quantity/SKU rules. */
  private static long naiveCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    QuantityParser quantities = new QuantityParser(ParseChild.PROFILE.quantityWords());
    Map<String, Long> stock = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(";");
      stock.merge(Skus.normalize(cells[0]), quantities.parse(cells[2]).quantity(), Long::sum);
    }
    return stock.size();
  }

  /** POI usermodel: the whole workbook as objects, then the same quantity/SKU rules. */
  private static long poi(Path file) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
    QuantityParser quantities = new QuantityParser(ParseChild.PROFILE.quantityWords());
    DataFormatter formatter = new DataFormatter();
    Map<String, Long> stock = new HashMap<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
      for (Row row : wb.getSheetAt(0)) {
        if (row.getRowNum() == 0) {
          continue;
        }
        Cell qty = row.getCell(2);
        stock.merge(Skus.normalize(formatter.formatCellValue(row.getCell(0))),
            quantities.parse(formatter.formatCellValue(qty)).quantity(), Long::sum);
      }
    }
    return stock.size();
  }

  // ------------------------------------------------------------------ inputs

  private static String sku(int i) {
    return String.format(Locale.ROOT, "SKU-%07d", i);
  }

  private static long qty(int i, int changeEvery) {
    long q = (i * 7L) % 500;
    return changeEvery > 0 && i % changeEvery == 0 ? q + 1 : q;
  }

  private static void writeCsv(Path file, int rows, int changeEvery) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Артикул;Наименование;Остаток;Цена\n");
      for (int i = 0; i < rows; i++) {
        w.write(sku(i));
        w.write(";Товар ");
        w.write(Integer.toString(i));
        w.write(';');
        w.write(Long.toString(qty(i, changeEvery)));
        w.write(';');
        w.write(Integer.toString(100 + i % 900));
        w.write(",50\n");
      }
    }
  }

  private static void writeXlsx(Path file, int rows) throws IOException {
    writeXlsx(file, rows, 0);
  }

  private static void writeXlsx(Path file, int rows, int changeEvery) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "storeops-bench", "1.0");
      Worksheet ws = wb.newWorksheet("Остатки");
      ws.value(0, 0, "Артикул");
      ws.value(0, 1, "Наименование");
      ws.value(0, 2, "Остаток");
      ws.value(0, 3, "Цена");
      for (int i = 0; i < rows; i++) {
        int r = i + 1;
        ws.value(r, 0, sku(i));
        ws.value(r, 1, "Товар " + i);
        ws.value(r, 2, qty(i, changeEvery));
        ws.value(r, 3, 100 + i % 900 + 0.5);
        if (r % 10_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.matches("\\d+")) {
        options.put("rows", arg);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg
            + " (use --rows=N --db-rows=N --threads=N --heap=512m --baseline-heap=6g)");
      }
    }
    return options;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void out(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
