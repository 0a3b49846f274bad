package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.core.ImportReport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/** The stock-import function on the AWS stack built from template.yaml, driven by real-shaped S3 events. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockImportHandlerTest {
  private AwsStack stack;
  private StockImportHandler handler;
  private String bucket;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("StockImportFunction", StockImportHandler.class);
    this.bucket = stack.bucketName("SupplierBucket");
    this.table = stack.tableName("StoreTable");
  }

  static String newSupplier() {
    return "sup-" + UUID.randomUUID().toString().substring(0, 8);
  }

  void putProfile(String supplierId, String extra) {
    String json = """
        {"supplierId": "%s", "warehouse": "msk-1",
         "columns": {"sku": ["Артикул", "Код"], "quantity": ["Остаток", "Кол-во"], "name": ["Наименование"],
                     "price": ["Цена"], "expiresAt": ["Годен до"]},
         "quantityWords": {"много": 50, "нет": 0}%s}
        """.formatted(supplierId, extra);
    put("profiles/" + supplierId + ".json", json.getBytes(StandardCharsets.UTF_8));
  }

  void put(String key, byte[] body) {
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  Map<String, Object> event(String key, long size) {
    return S3Events.objectCreated(bucket, key, size, UUID.randomUUID().toString().replace("-", ""),
        Long.toHexString(System.nanoTime()).toUpperCase());
  }

  List<ImportReport> upload(String key, byte[] body) {
    put(key, body);
    return handler.handleRequest(event(key, body.length), null);
  }

  Map<String, AttributeValue> stock(String sku) {
    return stack.dynamoDb().getItem(b -> b.tableName(table).key(DynamoStockStore.key(sku, "msk-1"))
        .consistentRead(true)).item();
  }

  long num(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  boolean exists(String key) {
    try {
      stack.s3().headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  JsonNode reportOf(ImportReport report) throws Exception {
    String key = StockImportService.reportKey(report.supplierId(), report.startedAt(), report.file());
    return Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
  }

  String sku(String supplier, int i) {
    return supplier + "-" + i;
  }

  byte[] csv(String supplier, String... rows) {
    StringBuilder text = new StringBuilder("Остатки поставщика на 23.11.2026;;;;\n;;;;\n"
        + "Артикул;Наименование;Остаток;Цена;Годен до\n");
    for (String row : rows) {
      text.append(row.replace("$", supplier)).append('\n');
    }
    return text.toString().getBytes(Charset.forName("windows-1251"));
  }

  @Test
  void importsACsvAndASecondImportOfTheSameFileWritesNothing() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    byte[] file = csv(sup, "$-1;Чай зелёный;1 234;1 299,90;31.12.2026", "$-2;Кофе;> 10;500;",
        "$-3;Сахар;много;;", "$-4;Соль;abc;;", "$-1;Чай зелёный;6 шт;;", ";Итого;1 300;;");
    String key = "incoming/" + sup + "/остатки 23.11.csv";

    ImportReport first = upload(key, file).get(0);
    assertEquals(ImportReport.APPLIED, first.status(), first.reason());
    assertEquals(3, first.updated());
    assertEquals(1, first.rejectedCount());
    assertEquals(3, first.headerRow());
    assertEquals("windows-1251", first.encoding());
    assertEquals(";", first.delimiter());

    Map<String, AttributeValue> tea = stock(sku(sup, 1));
    assertEquals("Stock", tea.get("type").s());
    assertEquals(1240, num(tea, "onHand"));
    assertEquals(0, num(tea, "reserved"));
    assertEquals(1240, num(tea, "available"));
    assertEquals(sup, tea.get("supplierId").s());
    assertEquals("SUPPLIER#" + sup + "#msk-1", tea.get("gsi1pk").s());
    assertEquals("SKU#" + sku(sup, 1), tea.get("gsi1sk").s());
    assertEquals("2026-12-31", tea.get("expiresAt").s());
    assertEquals(129990, num(tea, "supplierPrice"));
    assertEquals("Чай зелёный", tea.get("supplierName").s());
    assertEquals(10, num(stock(sku(sup, 2)), "onHand"));
    assertEquals(50, num(stock(sku(sup, 3)), "onHand"));

    JsonNode report = reportOf(first);
    assertEquals("applied", report.path("status").asText());
    assertEquals(9, report.path("rowsRead").asLong());
    assertEquals(7, report.path("rejected").get(0).path("row").asLong());
    assertTrue(report.path("warnings").get(0).asText().contains("listed again"));
    assertTrue(report.path("durationMs").asLong() >= 0);
    String rejectedCsv = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(first.rejectedRowsFile()))
        .asString(StandardCharsets.UTF_8);
    assertTrue(rejectedCsv.contains("Соль") && rejectedCsv.contains("not readable"), rejectedCsv);
    assertFalse(exists(key));
    assertTrue(first.movedTo().startsWith("processed/" + sup + "/"));
    assertTrue(exists(first.movedTo()));

    String teaUpdatedAt = tea.get("updatedAt").s();
    ImportReport second = upload(key, file).get(0);
    assertEquals(ImportReport.APPLIED, second.status());
    assertEquals(0, second.updated());
    assertEquals(3, second.unchanged());
    assertEquals(teaUpdatedAt, stock(sku(sup, 1)).get("updatedAt").s());

    // the quantity of one SKU changes; the SKU missing from the file is zeroed ("missing": "zero")
    ImportReport third = upload(key, csv(sup, "$-1;Чай зелёный;7;1 299,90;31.12.2026", "$-2;Кофе;> 10;500;",
        "$-5;Мёд;3;;")).get(0);
    assertEquals(ImportReport.APPLIED, third.status(), third.reason());
    assertEquals(3, third.updated());
    assertEquals(1, third.zeroed());
    assertEquals(1, third.unchanged());
    assertEquals(7, num(stock(sku(sup, 1)), "onHand"));
    assertEquals(0, num(stock(sku(sup, 3)), "onHand"));
    assertEquals(0, num(stock(sku(sup, 3)), "available"));
    assertEquals(3, num(stock(sku(sup, 5)), "onHand"));
  }

  @Test
  void theSameObjectDeliveredTwiceIsAppliedOnce() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    String key = "incoming/" + sup + "/stock.csv";
    byte[] file = csv(sup, "$-1;Чай;5;;");
    put(key, file);
    Map<String, Object> event = event(key, file.length);

    // two deliveries at once: one import
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<ImportReport>>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> handler.handleRequest(event, null)));
    }
    int reports = 0;
    for (Future<List<ImportReport>> run : runs) {
      reports += run.get().size();
    }
    pool.shutdown();
    assertEquals(1, reports);
    assertEquals(5, num(stock(sku(sup, 1)), "onHand"));

    // a late redelivery after the file was moved: nothing happens, nothing fails
    assertTrue(handler.handleRequest(event, null).isEmpty());
    String updatedAt = stock(sku(sup, 1)).get("updatedAt").s();
    assertTrue(handler.handleRequest(event, null).isEmpty());
    assertEquals(updatedAt, stock(sku(sup, 1)).get("updatedAt").s());
    assertFalse(exists(key));
  }

  /**
   * The purchase list's supplier terms (scheduler and staff-api read them from the table, without S3): each
   * import that reads the profile records its leadTimeDays; a lead time that is not a whole number ≥ 0 counts
   * as the default (docs/reports.md).
   */
  @Test
  void anImportRecordsTheProfilesLeadTimeForThePurchaseList() throws Exception {
    var terms = new dev.storeops.reporting.dynamo.DynamoSupplierTerms(stack.dynamoDb(), table, java.time.Clock.systemUTC());
    String sup = newSupplier();
    putProfile(sup, ", \"leadTimeDays\": 9");
    assertEquals(java.util.Optional.empty(), terms.leadTimeDays(sup), "never read: nothing recorded yet");
    assertFalse(terms.suppliers().contains(sup));
    ImportReport first = upload("incoming/" + sup + "/a.csv", csv(sup, "$-1;Чай;5;;")).get(0);
    assertEquals(ImportReport.APPLIED, first.status(), first.reason());
    assertEquals(java.util.Optional.of(9), terms.leadTimeDays(sup));
    assertTrue(terms.suppliers().contains(sup));
    putProfile(sup, ", \"leadTimeDays\": -2");
    upload("incoming/" + sup + "/b.csv", csv(sup, "$-1;Чай;6;;"));
    assertEquals(java.util.Optional.of(dev.storeops.reporting.PurchasePlanner.DEFAULT_LEAD_TIME_DAYS),
        terms.leadTimeDays(sup));
  }

  /**
   * A profile saved in the bucket (the ProfileSaved notification) records its terms at once; the purchase
   * list, read the way scheduler and staff-api read it (table only, no S3 client), carries its leadTimeDays.
   * A profile that is not valid records nothing and does not fail the event.
   */
  @Test
  void aSavedProfilesLeadTimeReachesThePurchaseListWithoutS3() throws Exception {
    String sup = newSupplier();
    putProfile(sup, ", \"leadTimeDays\": 12");
    String key = "profiles/" + sup + ".json";
    assertTrue(handler.handleRequest(event(key, 100), null).isEmpty(), "a profile is no import");
    var clock = java.time.Clock.systemUTC();
    var terms = new dev.storeops.reporting.dynamo.DynamoSupplierTerms(stack.dynamoDb(), table, clock);
    var reports = new dev.storeops.reporting.ReportService(
        new dev.storeops.reporting.dynamo.DynamoReportStore(stack.dynamoDb(), table), terms, clock,
        java.time.ZoneId.of("Europe/Moscow"), 14);
    var lists = reports.purchaseLists(sup, null);
    assertEquals(1, lists.size());
    assertEquals(12, lists.get(0).leadTimeDays());
    assertTrue(reports.purchaseLists(null, null).stream().anyMatch(l -> l.supplierId().equals(sup)
        && l.leadTimeDays() == 12), "listed among every supplier's lists");
    // saved again with other terms: the table follows
    putProfile(sup, ", \"leadTimeDays\": 3");
    handler.handleRequest(event(key, 100), null);
    assertEquals(3, reports.purchaseLists(sup, null).get(0).leadTimeDays());
    // a profile naming another supplier is not valid: the terms stay as they were, the event does not fail
    put(key, ("{\"supplierId\": \"someone-else\", \"warehouse\": \"msk-1\", \"leadTimeDays\": 1}")
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(handler.handleRequest(event(key, 100), null).isEmpty());
    assertEquals(java.util.Optional.of(3), terms.leadTimeDays(sup));
  }

  @Test
  void aFileWithoutProfileIsQuarantinedWithAReport() throws Exception {
    String sup = newSupplier();
    String key = "incoming/" + sup + "/stock.csv";
    ImportReport report = upload(key, csv(sup, "$-1;Чай;5;;")).get(0);
    assertEquals(ImportReport.QUARANTINED, report.status());
    assertTrue(report.reason().contains("no profile"), report.reason());
    assertTrue(exists(report.movedTo()));
    assertTrue(report.movedTo().startsWith("quarantine/" + sup + "/"));
    assertEquals("quarantined", reportOf(report).path("status").asText());
    assertFalse(exists(key));
    assertAlert(sup, "quarantined");
  }

  @Test
  void theSafetyStopWritesNothingAndAlertsStaff() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    String key = "incoming/" + sup + "/stock.csv";
    assertEquals(ImportReport.APPLIED, upload(key, csv(sup, "$-1;a;5;;", "$-2;b;5;;", "$-3;c;5;;", "$-4;d;5;;"))
        .get(0).status());

    ImportReport refused = upload(key, csv(sup, "$-1;a;6;;")).get(0);
    assertEquals(ImportReport.REFUSED, refused.status());
    assertTrue(refused.reason().contains("3 of the 4"), refused.reason());
    assertEquals(0, refused.updated());
    assertEquals(5, num(stock(sku(sup, 1)), "onHand"));
    assertEquals(5, num(stock(sku(sup, 2)), "onHand"));
    assertTrue(refused.movedTo().startsWith("quarantine/"));
    assertEquals("refused", reportOf(refused).path("status").asText());
    assertAlert(sup, "refused");

    // only a header: no valid row → refused as well
    ImportReport headerOnly = upload(key, csv(sup)).get(0);
    assertEquals(ImportReport.REFUSED, headerOnly.status());
    assertTrue(headerOnly.reason().startsWith("the file has no valid row"), headerOnly.reason());
    assertEquals(5, num(stock(sku(sup, 1)), "onHand"));
  }

  void assertAlert(String supplierId, String status) throws Exception {
    String queue = stack.queueUrl("EmailQueue");
    for (int round = 0; round < 20; round++) {
      List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages();
      for (Message m : messages) {
        JsonNode intent = Json.mapper().readTree(m.body());
        if (supplierId.equals(intent.path("data").path("supplierId").asText())
            && status.equals(intent.path("data").path("status").asText())) {
          assertEquals("STAFF", intent.path("category").asText());
          assertEquals(stack.functionEnvironment("StockImportFunction").get("OPS_EMAIL"), intent.path("to").asText());
          assertEquals("stock-import-alert", intent.path("template").asText());
          stack.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
          return;
        }
      }
    }
    throw new AssertionError("no staff alert for " + supplierId + " " + status);
  }

  @Test
  void importsAnXlsxWithMergedTwoRowHeader() throws Exception {
    String sup = newSupplier();
    putProfile(sup, ", \"sheet\": \"Остатки\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Остатки");
    ws.value(0, 0, "Прайс-лист");
    ws.value(1, 0, "Код");
    ws.range(1, 0, 2, 0).merge();
    ws.value(1, 1, "Остаток");
    ws.range(1, 1, 1, 2).merge();
    ws.value(2, 1, "Москва");
    ws.value(2, 2, "СПб");
    ws.value(3, 0, 125.0);
    ws.value(3, 1, 15.0);
    ws.value(3, 2, 3);
    ws.value(4, 0, "00124");
    ws.value(4, 1, "от 10");
    wb.finish();
    String key = "incoming/" + sup + "/stock.xlsx";
    ImportReport report = upload(key, out.toByteArray()).get(0);
    assertEquals(ImportReport.APPLIED, report.status(), report.reason());
    assertEquals("xlsx", report.format());
    assertEquals(15, num(stockOf("125", sup), "onHand"));
    assertEquals(10, num(stockOf("00124", sup), "onHand"));
  }

  Map<String, AttributeValue> stockOf(String sku, String sup) {
    Map<String, AttributeValue> item = stock(sku);
    assertEquals(sup, item.get("supplierId").s());
    return item;
  }

  @Test
  void badFilesGetAReportAndQuarantineNeverACrash() throws Exception {
    String sup = newSupplier();
    putProfile(sup, ", \"encoding\": \"UTF-8\"");
    byte[] random = new byte[10_000];
    new java.util.Random(7).nextBytes(random);
    Map<String, byte[]> files = new HashMap<>();
    files.put("random.xlsx", random);
    files.put("empty.csv", new byte[0]);
    files.put("wrong-encoding.csv", csv(sup, "$-1;Чай;5;;"));
    files.put("bomb.xlsx", zipBomb());
    // 20,000 good UTF-8 rows, then a windows-1251 line: nothing of it may be applied
    StringBuilder late = new StringBuilder("Артикул;Остаток\n");
    for (int i = 0; i < 20_000; i++) {
      late.append(sup).append('-').append(i).append(";5\n");
    }
    byte[] head = late.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = (sup + "-x;много\n").getBytes(Charset.forName("windows-1251"));
    byte[] lateBad = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, lateBad, head.length, tail.length);
    files.put("late-bad-encoding.csv", lateBad);
    for (var f : files.entrySet()) {
      String key = "incoming/" + sup + "/" + f.getKey();
      ImportReport report = upload(key, f.getValue()).get(0);
      assertEquals(ImportReport.QUARANTINED, report.status(), f.getKey());
      assertNotNull(report.reason());
      assertTrue(exists(report.movedTo()), f.getKey());
      assertFalse(exists(key));
      assertEquals("quarantined", reportOf(report).path("status").asText());
    }
    assertTrue(stack.dynamoDb().query(b -> b.tableName(table).indexName("GSI1").keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SUPPLIER#" + sup + "#msk-1")))).items()
        .isEmpty());
  }

  static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 120; i++) {
        zip.write(zeros);
      }
    }
    return out.toByteArray();
  }

  @Test
  void aRowOf100000CharactersIsRejectedAndTheRestApplied() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    ImportReport report = upload("incoming/" + sup + "/long.csv",
        csv(sup, "$-1;" + "я".repeat(100_000) + ";5;;", "$-2;Чай;3;;")).get(0);
    assertEquals(ImportReport.APPLIED, report.status());
    assertEquals(1, report.rejectedCount());
    assertTrue(report.rejected().get(0).reason().contains("100000 characters"), report.rejected().get(0).reason());
    assertEquals(3, num(stock(sku(sup, 2)), "onHand"));
    assertTrue(stock(sku(sup, 1)) == null || stock(sku(sup, 1)).isEmpty());
  }

  void putGenerated(String key, long size) {
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromContentProvider(
        () -> new InputStream() {
          long left = size;

          @Override
          public int read() {
            return left-- > 0 ? ';' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) ';');
            left -= n;
            return n;
          }
        }, size, "text/csv"));
  }

  @Test
  void a200MegabyteFileIsQuarantinedWithoutBeingRead() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    long size = 200L << 20;
    String key = "incoming/" + sup + "/huge.csv";
    putGenerated(key, size);
    // the event's size is enough to refuse it
    ImportReport report = handler.handleRequest(event(key, size), null).get(0);
    assertEquals(ImportReport.QUARANTINED, report.status());
    assertTrue(report.reason().contains(size + " bytes; the limit is"), report.reason());
    assertTrue(exists(report.movedTo()));
    assertFalse(exists(key));

    // an event that understates the size: the download stops at the limit
    String second = "incoming/" + sup + "/huge-2.csv";
    putGenerated(second, size);
    ImportReport capped = handler.handleRequest(event(second, 1_000), null).get(0);
    assertEquals(ImportReport.QUARANTINED, capped.status());
    assertTrue(capped.reason().contains("larger than the limit"), capped.reason());
  }

  @Test
  void importsStayCorrectWhileOrdersReserveConcurrently() throws Exception {
    String sup = newSupplier();
    putProfile(sup, "");
    String key = "incoming/" + sup + "/stock.csv";
    int skus = 40;
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < skus; i++) {
      rows.add("$-" + i + ";x;100;;");
    }
    assertEquals(ImportReport.APPLIED, upload(key, csv(sup, rows.toArray(String[]::new))).get(0).status());

    // orders reserve 1 unit at a time (the order contract's update) while a new file sets onHand to 30
    AtomicLong reservedOk = new AtomicLong();
    Map<String, AtomicLong> perSku = new java.util.concurrent.ConcurrentHashMap<>();
    ExecutorService orders = Executors.newFixedThreadPool(4);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      running.add(orders.submit((Callable<Void>) () -> {
        java.util.Random random = new java.util.Random(seed);
        while (!stop.get()) {
          String sku = sku(sup, random.nextInt(skus));
          if (reserve(sku, 1)) {
            reservedOk.incrementAndGet();
            perSku.computeIfAbsent(sku, k -> new AtomicLong()).incrementAndGet();
          }
        }
        return null;
      }));
    }
    rows.clear();
    for (int i = 0; i < skus; i++) {
      rows.add("$-" + i + ";x;30;;");
    }
    ImportReport report = upload(key, csv(sup, rows.toArray(String[]::new))).get(0);
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    orders.shutdown();
    assertEquals(ImportReport.APPLIED, report.status());
    assertTrue(reservedOk.get() > 0);
    for (int i = 0; i < skus; i++) {
      Map<String, AttributeValue> item = stock(sku(sup, i));
      long reserved = perSku.getOrDefault(sku(sup, i), new AtomicLong()).get();
      assertEquals(30, num(item, "onHand"));
      assertEquals(reserved, num(item, "reserved"), sku(sup, i));
      assertEquals(Math.max(0, 30 - reserved), num(item, "available"), sku(sup, i));
    }
  }

  /** The order contract's reservation: SET available = available - q, reserved = reserved + q IF available >= q. */
  boolean reserve(String sku, long q) {
    try {
      stack.dynamoDb().updateItem(b -> b.tableName(table).key(DynamoStockStore.key(sku, "msk-1"))
          .updateExpression("SET available = available - :q, reserved = reserved + :q")
          .conditionExpression("available >= :q")
          .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Long.toString(q)))));
      return true;
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      return false;
    }
  }
}
