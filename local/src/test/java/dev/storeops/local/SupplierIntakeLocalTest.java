package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.supplierinbox.core.SupplierMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The shop's template.yaml in local mode (driven: the test delivers S3 notifications and fires schedules on a
 * moving clock), on the AWS stack's emulators: a supplier's file mailed in (raw MIME under inbox/, as SES stores
 * it) imports exactly as the same file uploaded to incoming/; an unknown sender is quarantined and nothing is
 * imported; a URL feed imports on its schedule and an unchanged second fetch writes nothing.
 */
class SupplierIntakeLocalTest {
  @TempDir
  static Path localDir;
  private static LocalRuntime runtime;
  private static AwsStack stack;
  private static String bucket;
  private static String table;
  private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-30T06:00:00Z"));
  private static final Path EVENTS = RepoRoot.find().resolve("events/supplier-inbox");

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(LocalConfig.defaults(RepoRoot.find()).withLocalDir(localDir).withPorts(0, 0, 0, 0, 0)
        .withEmpty(true), new LocalRuntime.Driven(CLOCK, null));
    stack = runtime.stack();
    bucket = stack.bucketName("SupplierBucket");
    table = stack.tableName("StoreTable");
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void aMailedFileImportsAsTheSameFileUploadedAndAnUnknownSenderIsQuarantined() throws IOException {
    profile("direct-upload", "spb-1", "");
    profile("chaynaya-lavka", "msk-1", ", \"senders\": [\"sklad@chaynaya-lavka.example\"]");
    byte[] raw = Files.readAllBytes(EVENTS.resolve("supplier-mail.eml"));
    byte[] attachment = SupplierMail.parse(new ByteArrayInputStream(raw)).parts().get(0).content();

    put("incoming/direct-upload/остатки 30.11.csv", attachment);
    put("inbox/0ses0message0id0one", raw);
    deliverAll();

    JsonNode direct = onlyReport("direct-upload");
    JsonNode mailed = onlyReport("chaynaya-lavka");
    assertEquals("applied", mailed.path("status").asText());
    for (String field : List.of("status", "format", "encoding", "delimiter", "headerRow", "rowsRead", "dataRows",
        "updated", "unchanged", "zeroed", "rejectedCount", "rejected", "warningCount", "skipped")) {
      assertEquals(direct.path(field), mailed.path(field), field);
    }
    assertTrue(mailed.path("file").asText().startsWith("incoming/chaynaya-lavka/mail-"), mailed.toString());
    for (String sku : List.of("MAIL-TEA-1", "MAIL-TEA-2", "MAIL-TEA-3")) {
      assertEquals(onHand(sku, "spb-1"), onHand(sku, "msk-1"), sku);
    }
    assertEquals(25L, onHand("MAIL-TEA-1", "msk-1"));
    assertEquals(50L, onHand("MAIL-TEA-2", "msk-1"), "the profile's word 'много'");
    assertTrue(keys("inbox/").isEmpty());
    assertEquals(List.of("processed/inbox/0ses0message0id0one"), keys("processed/inbox/"));

    // an unknown sender: quarantined with its report, nothing imported, no new report
    List<String> reportsBefore = keys("reports/");
    put("inbox/0ses0message0id0two", Files.readAllBytes(EVENTS.resolve("unknown-sender.eml")));
    deliverAll();
    assertEquals(List.of("quarantine/inbox/0ses0message0id0two", "quarantine/inbox/0ses0message0id0two.json"),
        keys("quarantine/inbox/"));
    JsonNode report = Json.mapper().readTree(get("quarantine/inbox/0ses0message0id0two.json"));
    assertTrue(report.path("reason").asText().startsWith("unknown sender prices@unknown-shop.example"), report.toString());
    assertEquals(reportsBefore, keys("reports/"));
    assertTrue(keys("incoming/").isEmpty(), "nothing waits to be imported");
    assertEquals(1L, runtime.metrics().total("SupplierMailsQuarantined"));
  }

  @Test
  void aUrlFeedImportsOnItsScheduleAndAnUnchangedFetchWritesNothing() throws IOException {
    byte[] csv = "Артикул;Наименование;Остаток\nFEED-1;Чай;5\nFEED-2;Чайник;7\n".getBytes(Charset.forName("windows-1251"));
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<String> lastIfNoneMatch = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stock.csv", ex -> {
      requests.incrementAndGet();
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      lastIfNoneMatch.set(inm);
      ex.getResponseHeaders().add("ETag", "\"stock-1\"");
      if ("\"stock-1\"".equals(inm)) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.sendResponseHeaders(200, csv.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(csv);
        }
      }
      ex.close();
    });
    server.start();
    try {
      profile("feeder", "msk-1", ", \"feed\": {\"url\": \"http://127.0.0.1:" + server.getAddress().getPort()
          + "/stock.csv\", \"schedule\": \"rate(1 hour)\"}");
      // the tick (rate(5 minutes) in the template) comes: the feed, never fetched, is due
      fireFeedsTick();
      deliverAll();
      assertEquals(1, requests.get());
      JsonNode report = onlyReport("feeder");
      assertEquals("applied", report.path("status").asText());
      assertEquals(2, report.path("updated").asInt());
      assertEquals(5L, onHand("FEED-1", "msk-1"));
      Map<String, AttributeValue> before = stock("FEED-1", "msk-1");

      // the next tick within the hour: not due, not fetched
      fireFeedsTick();
      assertEquals(1, requests.get());
      // an hour later: fetched with If-None-Match, 304: nothing stored, nothing imported, 0 items written
      CLOCK.advance(Duration.ofHours(1));
      fireFeedsTick();
      assertEquals(2, requests.get());
      assertEquals("\"stock-1\"", lastIfNoneMatch.get());
      assertEquals(0, runtime.s3Notifications().deliverPending(), "no file was stored, so no import ran");
      assertEquals(1, keys("reports/feeder/").stream().filter(k -> k.endsWith(".json")).count());
      assertEquals(before, stock("FEED-1", "msk-1"));
    } finally {
      server.stop(0);
    }
  }

  private static void fireFeedsTick() {
    CLOCK.advance(Duration.ofMinutes(5));
    List<Map<String, Object>> fired = runtime.schedules().fireNow("SupplierFeedsFunction", null).orElseThrow();
    assertEquals("ok", fired.get(0).get("outcome"), fired.toString());
  }

  private static void deliverAll() {
    for (int i = 0; i < 10 && runtime.s3Notifications().deliverPending() > 0; i++) {
      // inbox/ → incoming/ → import: each step raises the next event
    }
  }

  private static void profile(String supplierId, String warehouse, String extra) {
    put("profiles/" + supplierId + ".json", ("""
        {"supplierId": "%s", "warehouse": "%s",
         "columns": {"sku": ["Артикул"], "quantity": ["Остаток"], "name": ["Наименование"]},
         "quantityWords": {"много": 50}, "missing": "keep"%s}
        """.formatted(supplierId, warehouse, extra)).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode onlyReport(String supplierId) {
    List<String> reports = keys("reports/" + supplierId + "/").stream().filter(k -> k.endsWith(".json")).toList();
    assertEquals(1, reports.size(), reports.toString());
    try {
      return Json.mapper().readTree(get(reports.get(0)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, AttributeValue> stock(String sku, String warehouse) {
    Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.stockKey(sku, warehouse)).consistentRead(true)).item();
    assertFalse(item == null || item.isEmpty(), sku + " in " + warehouse);
    return item;
  }

  private static long onHand(String sku, String warehouse) {
    return Items.num(stock(sku, warehouse), "onHand", -1);
  }

  private static void put(String key, byte[] body) {
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  private static byte[] get(String key) {
    return stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  private static List<String> keys(String prefix) {
    return stack.s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }
}
