package dev.storeops.supplierfeeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.supplierfeeds.core.FetchSupplierFeeds;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * supplier-feeds on the AWS stack (S3Proxy, DynamoDB Local) against a local HTTP server
 * (com.sun.net.httpserver): conditional requests, unchanged files, schedules, size limit and timeout.
 */
@WithAwsStack
class SupplierFeedsHandlerTest {
  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  /** path → what the server answers. */
  private final Map<String, Answer> answers = new HashMap<>();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T03:00:00Z"));

  record Answer(byte[] body, String etag, boolean honoursValidators, long delayMillis) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    Map<String, String> seen = new HashMap<>();
    seen.put("path", ex.getRequestURI().getPath());
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    if (inm != null) {
      seen.put("If-None-Match", inm);
    }
    String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
    if (ims != null) {
      seen.put("If-Modified-Since", ims);
    }
    requests.add(seen);
    Answer a = answers.get(ex.getRequestURI().getPath());
    try {
      if (a == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      if (a.delayMillis() > 0) {
        Thread.sleep(a.delayMillis());
      }
      ex.getResponseHeaders().add("ETag", a.etag());
      ex.getResponseHeaders().add("Last-Modified", "Mon, 30 Nov 2026 02:00:00 GMT");
      if (a.honoursValidators() && a.etag().equals(inm)) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().add("Content-Type", "text/csv; charset=windows-1251");
      ex.sendResponseHeaders(200, a.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(a.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  @Test
  void aFeedIsFetchedOnItsScheduleAndAnUnchangedFileWritesNothing(AwsStack stack) {
    World w = new World(stack, Map.of());
    byte[] csv = "Артикул;Остаток\nFEED-1;5\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
    answers.put("/" + w.run + "/stock.csv", new Answer(csv, "\"v1\"", true, 0));
    w.profile("rate(1 hour)", "/" + w.run + "/stock.csv");

    Map<String, Object> first = w.handler.handleRequest(Map.of(), null);
    assertEquals(1L, first.get(FetchSupplierFeeds.STORED), first.toString());
    List<String> keys = w.incoming();
    assertEquals(List.of("incoming/" + w.supplier + "/feed-20261130T030000Z-stock.csv"), keys);
    assertArrayEquals(csv, w.get(keys.get(0)));
    assertNull(requests.get(0).get("If-None-Match"), "the first request is unconditional");

    // 10 minutes later: not due, nothing asked
    clock.advance(Duration.ofMinutes(10));
    assertEquals(0, w.handler.handleRequest(Map.of(), null).get("due"));
    assertEquals(1, requests.size());

    // an hour after the first: due; the server answers 304 to the validators; nothing written
    clock.advance(Duration.ofMinutes(50));
    Map<String, Object> second = w.handler.handleRequest(Map.of(), null);
    assertEquals(1L, second.get(FetchSupplierFeeds.UNCHANGED), second.toString());
    assertEquals("\"v1\"", requests.get(1).get("If-None-Match"));
    assertEquals("Mon, 30 Nov 2026 02:00:00 GMT", requests.get(1).get("If-Modified-Since"));
    assertEquals(keys, w.incoming());

    // a new file: stored under a new key
    byte[] changed = "Артикул;Остаток\nFEED-1;7\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
    answers.put("/" + w.run + "/stock.csv", new Answer(changed, "\"v2\"", true, 0));
    clock.advance(Duration.ofHours(1));
    assertEquals(1L, w.handler.handleRequest(Map.of(), null).get(FetchSupplierFeeds.STORED));
    assertEquals(2, w.incoming().size());
  }

  @Test
  void aServerIgnoringTheValidatorsStillWritesNothingForTheSameFile(AwsStack stack) {
    World w = new World(stack, Map.of());
    byte[] csv = "Артикул;Остаток\nFEED-2;5\n".getBytes(StandardCharsets.UTF_8);
    answers.put("/" + w.run + "/list", new Answer(csv, "\"changes-every-time-" + UUID.randomUUID() + "\"", false, 0));
    w.profile("cron(0 6 * * ? *)", "/" + w.run + "/list");

    assertEquals(1L, w.handler.handleRequest(Map.of(), null).get(FetchSupplierFeeds.STORED));
    // the content type gives the name its extension
    assertEquals(List.of("incoming/" + w.supplier + "/feed-20261130T030000Z-list.csv"), w.incoming());
    clock.advance(Duration.ofDays(1)); // 06:00 Moscow the next day
    Map<String, Object> again = w.handler.handleRequest(Map.of(), null);
    assertEquals(1L, again.get(FetchSupplierFeeds.UNCHANGED), again.toString());
    assertEquals(1, w.incoming().size());
  }

  @Test
  void aFileOverTheLimitATimeoutAndAnErrorAreCountedAndWriteNothing(AwsStack stack) {
    World w = new World(stack, Map.of("MAX_FEED_BYTES", "1000", "FEED_TIMEOUT_SECONDS", "1"));
    answers.put("/" + w.run + "/big.csv", new Answer(new byte[5000], "\"big\"", true, 0));
    w.profile("rate(1 hour)", "/" + w.run + "/big.csv");
    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      Map<String, Object> run = w.handler.handleRequest(Map.of(), null);
      assertEquals(1L, run.get(FetchSupplierFeeds.FAILED), run.toString());
      assertTrue(run.toString().contains("the file is 5000 bytes (limit 1000)"), run.toString());

      answers.put("/" + w.run + "/big.csv", new Answer("a;b\n".getBytes(StandardCharsets.UTF_8), "\"slow\"", true, 3000));
      clock.advance(Duration.ofHours(1));
      run = w.handler.handleRequest(Map.of(), null);
      assertTrue(run.toString().contains("within 1 s"), run.toString());

      answers.remove("/" + w.run + "/big.csv");
      clock.advance(Duration.ofHours(1));
      run = w.handler.handleRequest(Map.of(), null);
      assertTrue(run.toString().contains("HTTP 404"), run.toString());
      assertEquals(3, metrics.total(ShopMetrics.SUPPLIER_FEEDS_FAILED));
    }
    assertEquals(List.of(), w.incoming());
  }

  /** One test's supplier (with a feed at this test's server) and handler on the moving clock. */
  final class World {
    final AwsStack stack;
    final String bucket;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String supplier = "feed-" + run;
    final SupplierFeedsHandler handler;

    World(AwsStack stack, Map<String, String> overrides) {
      this.stack = stack;
      this.bucket = stack.bucketName("SupplierBucket");
      Map<String, String> env = new HashMap<>(stack.functionEnvironment("SupplierFeedsFunction"));
      env.putAll(overrides);
      this.handler = new SupplierFeedsHandler(Env.of(env), clock);
    }

    void profile(String schedule, String path) {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
      // other tests' feeds on the same stack are due too: each test looks at its own supplier only
      stack.s3().listObjectsV2(l -> l.bucket(bucket).prefix("profiles/feed-")).contents()
          .forEach(o -> stack.s3().deleteObject(d -> d.bucket(bucket).key(o.key())));
      stack.s3().putObject(b -> b.bucket(bucket).key("profiles/" + supplier + ".json"), RequestBody.fromString("""
          {"supplierId": "%s", "warehouse": "msk-1", "columns": {"sku": ["Артикул"], "quantity": ["Остаток"]},
           "feed": {"url": "%s", "schedule": "%s"}}
          """.formatted(supplier, url, schedule), StandardCharsets.UTF_8));
    }

    byte[] get(String key) {
      return stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    List<String> incoming() {
      return stack.s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix("incoming/" + supplier + "/")).contents()
          .stream().map(S3Object::key).sorted().toList();
    }
  }
}
