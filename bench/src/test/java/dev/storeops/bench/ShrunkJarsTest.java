package dev.storeops.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.template.SamFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof that ProGuard's shrinking (functions/proguard.pro) kept everything each function needs: for every
 * function of template.yaml, a child JVM on the function's final jar (its CodeUri) and the Lambda runtime's
 * serialization jar only — the cold-start bench's child, {@link ColdStartBench#answer} — builds the handler from
 * the template's environment against the embedded stack, with priming done in init, and answers its real-shaped
 * bench event twice (data seeded first). Each answer must be the real outcome: a 2xx, no failed batch item, the
 * stock rows applied, the supplier's mail received. Children run two at a time.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShrunkJarsTest {
  private AwsStack stack;
  private ColdStartBench bench;
  private Path work;

  @BeforeAll
  void setUp(AwsStack stack) throws IOException {
    this.stack = stack;
    this.work = Files.createTempDirectory("shrunk-jars");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.bench = new ColdStartBench(stack, RepoRoot.find(), work, java, List.of(), false);
  }

  @Test
  void everyFunctionAnswersItsEventFromItsShrunkJar() throws Exception {
    List<SamFunction> functions = stack.template().functions();
    assertFalse(functions.isEmpty());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<ColdStartBench.Answer>> answers = new LinkedHashMap<>();
    try {
      for (SamFunction f : functions) {
        answers.put(f.logicalId(), pool.submit(() -> bench.answer(f, bench.jarOf(f), true)));
      }
      List<String> failures = new ArrayList<>();
      for (var e : answers.entrySet()) {
        try {
          ColdStartBench.Answer a = e.getValue().get();
          assertRealOutcome(e.getKey(), a.responses());
        } catch (java.util.concurrent.ExecutionException | AssertionError ex) {
          Throwable cause = ex instanceof java.util.concurrent.ExecutionException ? ex.getCause() : ex;
          failures.add(e.getKey() + ": " + cause);
        }
      }
      assertTrue(failures.isEmpty(), "functions that did not do their work from their jar:\n"
          + String.join("\n", failures));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The check fails when the jar misses a class the request needs: order-api's jar without the marshaller of
   * the TransactWriteItems call that places the order (a class ProGuard keeps) answers no 201.
   */
  @Test
  void aJarWithoutANeededClassFailsTheCheck() throws Exception {
    SamFunction orderApi = stack.template().function("OrderApiFunction");
    String removed = "software/amazon/awssdk/services/dynamodb/transform/TransactWriteItemsRequestMarshaller.class";
    Path jar = bench.jarOf(orderApi);
    Path broken = work.resolve("order-api-without-one-class.jar");
    int copied = copyWithout(jar, broken, removed);
    assertTrue(copied > 0);
    Throwable failure = null;
    try {
      ColdStartBench.Answer a = bench.answer(orderApi, broken, true);
      assertRealOutcome("OrderApiFunction", a.responses());
    } catch (Exception | AssertionError e) {
      failure = e;
    }
    if (failure == null) {
      fail("order-api answered its order from a jar without " + removed);
    }
    // and the same event from the intact jar is placed (so the failure is the missing class)
    assertRealOutcome("OrderApiFunction", bench.answer(orderApi, jar, true).responses());
  }

  /**
   * stock-import's jar reads every format a supplier sends: a real .xls (BIFF8, through POI's record reader), .xlsx
   * (fastexcel-reader over commons-compress) and .csv (windows-1251, ';', sniffed), each put under incoming/ of a
   * demo supplier: every file's report is applied with its three rows (TEA-003's "много" is a quantity word of the
   * demo profile: 50). POI and
   * commons-* are shrunk in this jar (functions/stock-import/proguard.pro), so this is their proof.
   */
  @Test
  void stockImportReadsXlsXlsxAndCsvFromItsShrunkJar() throws Exception {
    SamFunction stockImport = stack.template().function("StockImportFunction");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("xls", xls());
    files.put("xlsx", xlsx());
    files.put("csv", csv());
    for (var file : files.entrySet()) {
      ColdStartBench.Answer a = bench.answer(stockImport, bench.jarOf(stockImport), true,
          i -> bench.stockFile(file.getKey(), file.getValue()));
      String[] lines = a.responses().split("\n");
      assertEquals(2, lines.length, file.getKey() + ": two answers expected: " + a.responses());
      for (String line : lines) {
        JsonNode reports = Json.mapper().readTree(line);
        String where = "stock-import answered for ." + file.getKey() + ": " + line;
        assertTrue(reports.isArray() && reports.size() == 1, where);
        JsonNode r = reports.get(0);
        assertEquals("applied", r.path("status").asText(), where);
        assertEquals(file.getKey(), r.path("format").asText(), where);
        assertEquals(3, r.path("dataRows").asLong(), where);
        // "много" is one of the demo profile's quantity words (50): every row is taken
        assertEquals(3, r.path("updated").asLong() + r.path("unchanged").asLong(), where);
        assertEquals(0, r.path("rejectedCount").asLong(), where);
      }
    }
  }

  /**
   * order-events' jar draws a bank-transfer order's invoice: PDFBox, FontBox and ZXing are shrunk in this jar and
   * most of FontBox's CMaps and PDFBox's standard-14 metrics and fallback font are left out of it
   * (functions/order-events/proguard.pro and pom.xml). Each order's PDF is read back from S3: one page, the shop's
   * Cyrillic text (the embedded DejaVu subsets), the total and the QR code's caption.
   */
  @Test
  void orderEventsDrawsAnInvoiceFromItsShrunkJar() throws Exception {
    SamFunction orderEvents = stack.template().function("OrderEventsFunction");
    List<String> orders = java.util.Collections.synchronizedList(new ArrayList<>());
    ColdStartBench.Answer a = bench.answer(orderEvents, bench.jarOf(orderEvents), true, i -> {
      ColdStartBench.PlacedOrder placed = bench.orderCreated("BANK_TRANSFER");
      orders.add(placed.orderId());
      return placed.event();
    });
    assertRealOutcome("OrderEventsFunction", a.responses());
    assertEquals(2, orders.size());
    for (String id : orders) {
      byte[] pdf = stack.s3().getObjectAsBytes(g -> g.bucket(stack.bucketName("SupplierBucket"))
          .key(dev.storeops.fulfilment.s3.S3InvoiceFiles.key(id))).asByteArray();
      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        assertEquals(1, doc.getNumberOfPages(), id);
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        assertTrue(text.contains("Счёт на оплату №"), id + ": " + text);
        assertTrue(text.contains("Всего к оплате:"), id + ": " + text);
        assertTrue(text.contains("Оплата по QR-коду:"), id + ": " + text);
        var page = doc.getPage(0).getResources();
        List<String> fonts = new ArrayList<>();
        for (var name : page.getFontNames()) {
          var font = page.getFont(name);
          assertTrue(font.isEmbedded(), id + ": font " + font.getName() + " not embedded");
          fonts.add(font.getName());
        }
        assertTrue(fonts.stream().anyMatch(n -> n.endsWith("+DejaVuSans")), id + ": " + fonts);
        assertTrue(fonts.stream().anyMatch(n -> n.endsWith("+DejaVuSans-Bold")), id + ": " + fonts);
      }
    }
  }

  private static final String[][] STOCK_ROWS = {{"артикул", "остаток", "наименование", "цена"},
      {"TEA-001", "41", "Сенча", "520"}, {"TEA-002", "9", "Улун", "1300"}, {"TEA-003", "много", "Пуэр", "800"}};

  /** A BIFF8 workbook as 1C and old Excel write it: quantities and prices as numbers, text in the shared table. */
  private static byte[] xls() throws IOException {
    try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Остатки");
      for (int r = 0; r < STOCK_ROWS.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < STOCK_ROWS[r].length; c++) {
          String v = STOCK_ROWS[r][c];
          if (r > 0 && v.matches("\\d+")) {
            row.createCell(c).setCellValue(Double.parseDouble(v));
          } else {
            row.createCell(c).setCellValue(v);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xlsx() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "shrunk", "1.0")) {
      org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Остатки");
      for (int r = 0; r < STOCK_ROWS.length; r++) {
        for (int c = 0; c < STOCK_ROWS[r].length; c++) {
          ws.value(r, c, STOCK_ROWS[r][c]);
        }
      }
      wb.finish();
    }
    return out.toByteArray();
  }

  /** As 1C exports a CSV: windows-1251, semicolons. */
  private static byte[] csv() {
    StringBuilder b = new StringBuilder();
    for (String[] row : STOCK_ROWS) {
      b.append(String.join(";", row)).append("\r\n");
    }
    return b.toString().getBytes(java.nio.charset.Charset.forName("windows-1251"));
  }

  private static int copyWithout(Path from, Path to, String removed) throws IOException {
    int copied = 0;
    boolean found = false;
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals(removed)) {
          found = true;
          continue;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        try (var data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
        copied++;
      }
    }
    assertTrue(found, from + " has no " + removed + " (shrunk away? then pick another needed class)");
    return copied;
  }

  /** What each function's two answers must say for its work to be done. */
  private static void assertRealOutcome(String function, String responses) throws IOException {
    String[] lines = responses.split("\n");
    assertEquals(2, lines.length, function + ": two answers expected: " + responses);
    boolean warm = false;
    for (String line : lines) {
      JsonNode r = Json.mapper().readTree(line);
      String where = function + " answered " + line.substring(0, Math.min(400, line.length()));
      switch (function) {
        case "OrderApiFunction" -> assertEquals(201, r.path("statusCode").asInt(), where);
        case "StaffApiFunction", "StaffFilesFunction", "ConsoleFunction", "UnsubscribeFunction", "PaymentWebhookFunction" ->
            assertEquals(200, r.path("statusCode").asInt(), where);
        // the same create-campaign event twice: created, then the warm one a conflict with it
        case "CampaignsFunction" -> assertEquals(warm ? 409 : 201, r.path("statusCode").asInt(), where);
        case "OrderEventsFunction", "EmailSenderFunction", "SmsSenderFunction", "SesEventsFunction",
            "ReportsStreamFunction" -> {
          assertTrue(r.has("batchItemFailures"), where);
          assertTrue(r.path("batchItemFailures").isArray() && r.path("batchItemFailures").isEmpty(), where);
        }
        case "StockImportFunction" -> {
          // one report for the file: TEA-001 and TEA-002 applied, the row with "много" rejected
          assertTrue(r.isArray() && r.size() == 1, where);
          assertTrue(line.contains("TEA-003") || r.get(0).toString().contains("3"), where);
          assertTrue(r.get(0).toString().toLowerCase(java.util.Locale.ROOT).contains("appl"), where);
        }
        case "SupplierInboxFunction" -> assertTrue(r.isArray() && r.size() == 1, where);
        case "SchedulerFunction", "SupplierFeedsFunction" -> assertTrue(r.isObject(), where);
        default -> fail(function + " has no expected outcome in ShrunkJarsTest: add one (and its bench event)");
      }
      warm = true;
    }
  }
}
