package dev.storeops.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Issue 15's parse benchmark: a CSV of {@code --rows} rows (default 1,000,000) parsed and normalised by
 * stock-import, printed beside raw FastCSV reading the same file (every record, the quantity parsed
 * as a number: the ceiling of any CSV import built on it) and their ratio; the same rows as XLSX, and
 * an .xls at BIFF8's limit (65,535 data rows: a legacy sheet cannot hold more), each within {@code
 * --heap} (default 512m). Every parse runs in its own JVM ({@code -Xmx<heap> -XX:+UseSerialGC}) {@code
 * --runs} times (default 3); the best run and the peak heap over all runs are printed.
 */
public final class StockParseBench {
  static final int XLS_MAX_ROWS = 65_535;

  private StockParseBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("parse")) {
      child(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String a : args) {
      if (a.startsWith("--") && a.contains("=")) {
        options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    String heap = options.getOrDefault("heap", "512m");
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    Path dir = Files.createTempDirectory("stock-parse-bench");
    try {
      System.out.printf(Locale.ROOT, "stock parse benchmark: %,d rows, -Xmx%s, best of %d runs, %d CPUs, java %s,"
          + " load average %.1f%n", rows, heap, runs, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      long t0 = System.nanoTime();
      Path csv = dir.resolve("stock.csv");
      Path xlsx = dir.resolve("stock.xlsx");
      Path xls = dir.resolve("stock.xls");
      writeCsv(csv, rows);
      writeXlsx(xlsx, rows);
      int xlsRows = Math.min(rows, XLS_MAX_ROWS);
      writeXls(xls, xlsRows);
      System.out.printf(Locale.ROOT, "generated stock.csv (%,d bytes), stock.xlsx (%,d bytes), stock.xls (%,d rows,"
          + " %,d bytes) in %.1f s%n", Files.size(csv), Files.size(xlsx), xlsRows, Files.size(xls),
          (System.nanoTime() - t0) / 1e9);
      Result raw = inChild("fastcsv", csv, heap, runs);
      Result ours = inChild("ours", csv, heap, runs);
      Result oursXlsx = inChild("ours", xlsx, heap, runs);
      Result oursXls = inChild("ours", xls, heap, runs);
      System.out.printf("%-32s %s%n", "raw FastCSV csv (ceiling)", raw);
      System.out.printf("%-32s %s%n", "ours csv (parse + normalise)", ours);
      System.out.printf("%-32s %s%n", "ours xlsx", oursXlsx);
      System.out.printf("%-32s %s%n", "ours xls (BIFF8 limit)", oursXls);
      System.out.printf(Locale.ROOT, "ratio csv ours/raw FastCSV: %.2f (load average at the end %.1f)%n",
          ours.rowsPerSecond() / raw.rowsPerSecond(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(Locale.ROOT, "csv >= 1,000,000 rows/s: %s; xlsx and xls within -Xmx%s: %s%n",
          ours.rowsPerSecond() >= 1_000_000 ? "yes" : "NO", heap,
          !oursXlsx.failed() && !oursXls.failed() ? "yes" : "NO");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  record Result(long rows, long bestMs, long peakHeapMb, String error) {
    boolean failed() {
      return error != null;
    }

    double rowsPerSecond() {
      return bestMs == 0 ? 0 : rows * 1000.0 / bestMs;
    }

    @Override
    public String toString() {
      return failed() ? "FAILED: " + error + " (peak heap " + peakHeapMb + " MB)"
          : String.format(Locale.ROOT, "%,11.0f rows/s  %,7d ms  peak heap %,5d MB  (%,d rows)", rowsPerSecond(),
              bestMs, peakHeapMb, rows);
    }
  }

  private static Result inChild(String impl, Path file, String heap, int runs) throws Exception {
    ParseChild.Answer answer = ParseChild.run(StockParseBench.class, heap,
        List.of("parse", impl, file.toString(), Integer.toString(runs)));
    if (answer.result() == null) {
      return new Result(0, 0, 0, answer.noResult());
    }
    String[] f = answer.result().split(" ", 5);
    return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        f[4].equals("-") ? null : f[4]);
  }

  /** In the child JVM: {@code RESULT rows bestMs peakHeapMb error|-}. */
  private static void child(String impl, Path file, int runs) {
    ParseChild.PeakHeap peak = new ParseChild.PeakHeap();
    long rows = 0;
    long best = Long.MAX_VALUE;
    String error = "-";
    try {
      for (int run = 0; run < runs; run++) {
        long start = System.nanoTime();
        rows = impl.equals("fastcsv") ? rawFastCsv(file) : ParseChild.ours(file);
        best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
      }
    } catch (OutOfMemoryError e) {
      error = "OutOfMemoryError";
    } catch (Exception e) {
      error = (e.getClass().getSimpleName() + ":" + e.getMessage()).replace(' ', '_');
    }
    peak.stop();
    System.out.println("RESULT " + rows + " " + (best == Long.MAX_VALUE ? 0 : best) + " " + peak.megabytes() + " "
        + error);
  }

  /** FastCSV alone: every record of the same file, the quantity parsed; nothing kept. */
  private static long rawFastCsv(Path file) throws IOException {
    long rows = 0;
    long sum = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file)) {
      for (CsvRecord r : reader) {
        if (rows++ > 0) {
          sum += Long.parseLong(r.getField(2));
        }
      }
    }
    return sum >= 0 ? rows - 1 : -1;
  }

  private static String sku(int i) {
    return String.format(Locale.ROOT, "SKU-%07d", i);
  }

  private static void writeCsv(Path file, int rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Артикул;Наименование;Остаток;Цена\n");
      for (int i = 0; i < rows; i++) {
        w.write(sku(i) + ";Товар " + i + ";" + (i * 7L) % 500 + ";" + (100 + i % 900) + "\n");
      }
    }
  }

  private static void writeXlsx(Path file, int rows) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "bench", "1.0");
      Worksheet ws = wb.newWorksheet("Остатки");
      ws.value(0, 0, "Артикул");
      ws.value(0, 1, "Наименование");
      ws.value(0, 2, "Остаток");
      ws.value(0, 3, "Цена");
      for (int i = 0; i < rows; i++) {
        ws.value(i + 1, 0, sku(i));
        ws.value(i + 1, 1, "Товар " + i);
        ws.value(i + 1, 2, (i * 7L) % 500);
        ws.value(i + 1, 3, 100 + i % 900);
        if (i % 10_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }

  private static void writeXls(Path file, int rows) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      HSSFSheet sheet = wb.createSheet("TDSheet");
      HSSFRow header = sheet.createRow(0);
      String[] names = {"Артикул", "Наименование", "Остаток", "Цена"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int i = 0; i < rows; i++) {
        HSSFRow row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(sku(i));
        row.createCell(1).setCellValue("Товар " + i);
        row.createCell(2).setCellValue((i * 7L) % 500);
        row.createCell(3).setCellValue(100 + i % 900);
      }
      wb.write(out);
    }
  }
}
