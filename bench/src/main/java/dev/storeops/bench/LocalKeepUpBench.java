package dev.storeops.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.local.LocalConfig;
import dev.storeops.local.LocalRuntime;
import dev.storeops.local.SqsDelivery;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Does local mode keep up with a steady order rate? Starts local mode as {@code ./run-local} does (every
 * function of template.yaml, its SQS and stream event sources, on free ports, empty), sets up a catalog
 * and managers on shift, then sends {@code POST /orders} over HTTP at a fixed rate (open loop: each
 * request at its scheduled time, on its own virtual thread) for a fixed time. Every 5 s it samples each
 * event-source queue's backlog (visible + in flight). At the end it waits for the after-creation steps
 * and reads every order: creation → confirmed and assigned is the later of the order's
 * {@code confirmationQueuedAt} and {@code managerNotifiedAt} markers minus its {@code createdAt} (all
 * written by the functions' clocks). Prints p50/p99/max of that, how many orders were done within 5 s,
 * and whether any backlog grew (the largest backlog in the last third of the run against the first).
 *
 * <p>System properties: {@code bench.rate} (orders/s, default 10), {@code bench.seconds} (default 60),
 * {@code bench.lines} (default 3), {@code bench.drain} (seconds to wait for stragglers, default 60),
 * {@code bench.warmup} (orders sent and completed before the timed part, default 300: {@link #warmUp}).
 */
public final class LocalKeepUpBench {
  private static final int RATE = Integer.getInteger("bench.rate", 10);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int LINES = Integer.getInteger("bench.lines", 3);
  private static final int DRAIN = Integer.getInteger("bench.drain", 60);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    Path root = RepoRoot.find();
    Path localDir = Files.createTempDirectory("keepup-local");
    try (LocalRuntime runtime = startLocalMode(root, localDir)) {
      var stack = runtime.stack();
      String table = stack.tableName("StoreTable");
      DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
      catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
      catalog.putWarehouse(new Warehouse("spb-1", "Склад на Невском", "Санкт-Петербург"));
      for (int i = 1; i <= 4; i++) {
        catalog.putManager("mgr-keepup-" + i, "Менеджер " + i, "manager" + i + "@example.com", true);
      }
      List<String> skus = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String sku = "KEEP-" + i;
        catalog.putProduct(new Product(sku, "Товар " + i, 10_000 + i * 100, "RUB", 300, 150, 100, 80, "bench", null,
            null, null));
        catalog.setOnHand(sku, "msk-1", 1_000_000);
        skus.add(sku);
      }
      var components = OrderComponents.build(stack.dynamoDb(), stack.sqs(), table, stack.queueUrl("OrderEventsQueue"),
          OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        customers.add(components.customers().register(new CustomerRegistration("keepup." + i + "." + UUID.randomUUID()
            + "@example.com", "Покупатель " + i, "+7916000" + String.format("%04d", i), null, false, "ru")).id());
      }
      String fixture = Files.readString(root.resolve("events/order-api/create-order.json"));
      String body0 = Json.mapper().readTree(fixture).get("body").asText();

      System.out.printf("KEEPUP local mode: %d orders/s for %d s, %d lines each; event sources:%n", RATE, SECONDS, LINES);
      runtime.sqsDeliveries().forEach(d -> System.out.printf("KEEPUP   sqs %s -> %s, concurrency %d%n",
          d.source().queueId(), d.source().functionId(), d.source().concurrency()));
      runtime.streamDeliveries().forEach(d -> System.out.println("KEEPUP   stream -> " + d));

      // per order, as order-events' event source saw it: SentTimestamp, received, handler start and end, batch size
      Map<String, long[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
      runtime.sqsDeliveries().stream().filter(d -> d.source().queueId().equals("OrderEventsQueue"))
          .forEach(d -> d.observe(batch -> {
            for (var m : batch.messages()) {
              String id = orderIdOf(m.body());
              long sent = Long.parseLong(m.attributesAsStrings().getOrDefault("SentTimestamp", "0"));
              seen.putIfAbsent(id, new long[] {sent, batch.receivedAt(), batch.invokedAt(), batch.doneAt(),
                  batch.messages().size()});
            }
          }));
      if (WARMUP > 0) {
        warmUp(runtime, stack.dynamoDb(), table, body0, customers, skus);
      }
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      CallsByFunction.reset();
      double loadBefore = os.getSystemLoadAverage();
      long cpuBefore = os.getProcessCpuTime();

      ConcurrentLinkedQueue<String> orderIds = new ConcurrentLinkedQueue<>();
      AtomicInteger refused = new AtomicInteger();
      Map<String, List<Integer>> backlog = new LinkedHashMap<>();
      int total = RATE * SECONDS;
      long interval = 1_000_000_000L / RATE;
      long start = System.nanoTime();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        long nextSample = start;
        for (int i = 0; i < total; i++) {
          long at = start + i * interval;
          long wait = at - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          if (System.nanoTime() >= nextSample) {
            sample(runtime.sqsDeliveries(), backlog);
            nextSample += 5_000_000_000L;
          }
          String customer = customers.get(i % customers.size());
          pool.submit(() -> {
            try {
              HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + "/orders"))
                  .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                  .header("Idempotency-Key", "keepup-" + UUID.randomUUID())
                  .POST(HttpRequest.BodyPublishers.ofString(body(body0, customer, skus))).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 201) {
                orderIds.add(Json.mapper().readTree(r.body()).path("id").asText());
              } else {
                refused.incrementAndGet();
                System.out.println("KEEPUP refused " + r.statusCode() + " " + r.body());
              }
            } catch (Exception e) {
              refused.incrementAndGet();
              System.out.println("KEEPUP failed " + e);
            }
          });
        }
      }
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      double loadAfter = os.getSystemLoadAverage();
      sample(runtime.sqsDeliveries(), backlog);

      // wait for the after-creation steps of every order (at most DRAIN s)
      DynamoOrderStore orders = new DynamoOrderStore(stack.dynamoDb(), table);
      List<String> ids = new ArrayList<>(orderIds);
      Map<String, Long> doneMillis = new LinkedHashMap<>();
      Map<String, Done> done = new LinkedHashMap<>();
      long drainUntil = System.nanoTime() + DRAIN * 1_000_000_000L;
      while (System.nanoTime() < drainUntil) {
        for (String id : ids) {
          if (!doneMillis.containsKey(id)) {
            Done d = doneAfter(stack.dynamoDb(), table, id);
            if (d != null) {
              doneMillis.put(id, d.millis());
              done.put(id, d);
            }
          }
        }
        if (doneMillis.size() == ids.size()) {
          break;
        }
        Thread.sleep(1000);
      }
      sample(runtime.sqsDeliveries(), backlog);

      long[] sorted = doneMillis.values().stream().mapToLong(Long::longValue).sorted().toArray();
      long within5 = Arrays.stream(sorted).filter(ms -> ms <= 5000).count();
      System.out.printf("KEEPUP sent %d orders in %.1f s (%.2f/s): %d created, %d refused or failed%n", total, sendSeconds,
          total / sendSeconds, ids.size(), refused.get());
      System.out.printf("KEEPUP confirmed and assigned: %d of %d; creation -> assigned p50 %d ms, p99 %d ms, max %d ms; "
          + "within 5 s: %d (%.1f %%)%n", sorted.length, ids.size(), pct(sorted, 50), pct(sorted, 99),
          sorted.length == 0 ? -1 : sorted[sorted.length - 1], within5, 100.0 * within5 / Math.max(1, ids.size()));
      System.out.printf("KEEPUP while sending: this JVM used %.0f CPU-s in %.0f s = %.2f of %d cores; system load average %.1f -> %.1f%n",
          cpuSeconds, sendSeconds, cpuSeconds / sendSeconds, os.getAvailableProcessors(), loadBefore, loadAfter);
      stages(done, seen);
      System.out.print(CallsByFunction.perOrder(ids.size(), "KEEPUP "));
      if (Boolean.getBoolean("bench.countOutside")) {
        CallsByFunction.calls().forEach((call, n) -> System.out.printf("KEEPUP   calls %8d %s%n", n, call));
      }
      System.out.println("KEEPUP queue backlog (visible + in flight) every 5 s, the last two after sending and after draining:");
      boolean grew = false;
      for (var e : backlog.entrySet()) {
        List<Integer> s = e.getValue();
        int during = s.size() - 2;
        int third = Math.max(1, during / 3);
        int first = s.subList(0, Math.min(third, during)).stream().mapToInt(Integer::intValue).max().orElse(0);
        int last = s.subList(Math.max(0, during - third), Math.max(0, during)).stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean g = last > Math.max(first, 10) * 2;
        grew |= g;
        System.out.printf("KEEPUP   %-22s %s%s%n", e.getKey(), s, g ? "  GROWS" : "");
      }
      System.out.println("KEEPUP verdict: " + (!grew && within5 == ids.size() && refused.get() == 0
          ? "keeps up (no backlog grows, every order confirmed and assigned within 5 s)"
          : "falls behind"));
      Thread.sleep(100);
    }
  }

  /**
   * Before the timed part: {@code bench.warmup} orders sent at {@code bench.warmupRate} orders/s (default 5;
   * open loop, like the timed part), then waits (at most 10 min) until each is confirmed and assigned and
   * every event-source queue is empty (the mail of the warm-up sent), then {@code bench.settle} s (default
   * 10). So the functions' first (cold) invocations and the JIT compilation of a fresh JVM — C2 alone takes a
   * quarter of a core a minute after local mode starts — are not in the figures. Not counted in the results.
   */
  private static void warmUp(LocalRuntime runtime, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
      String table, String body0, List<String> customers, List<String> skus) throws InterruptedException {
    long start = System.nanoTime();
    int rate = Integer.getInteger("bench.warmupRate", 5);
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < WARMUP; i++) {
        long wait = start + i * (1_000_000_000L / rate) - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String customer = customers.get(i % customers.size());
        pool.submit(() -> {
          try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + "/orders"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "keepup-warmup-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body(body0, customer, skus))).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
              ids.add(Json.mapper().readTree(r.body()).path("id").asText());
            }
          } catch (Exception e) {
            System.out.println("KEEPUP warm-up order failed " + e);
          }
        });
      }
    }
    List<String> pending = new ArrayList<>(ids);
    long until = System.nanoTime() + 600_000_000_000L;
    while ((!pending.isEmpty() || backlog(runtime.sqsDeliveries()) > 0) && System.nanoTime() < until) {
      pending.removeIf(id -> doneAfter(dynamo, table, id) != null);
      Thread.sleep(500);
    }
    Thread.sleep(Integer.getInteger("bench.settle", 10) * 1000L);
    System.out.printf("KEEPUP warm-up: %d orders sent at %d/s, %d created, %d confirmed and assigned, queues drained "
        + "in %.1f s%n", WARMUP, rate, ids.size(), ids.size() - pending.size(), (System.nanoTime() - start) / 1e9);
  }

  /** Messages waiting or in flight on all event-source queues. */
  private static int backlog(List<SqsDelivery> deliveries) {
    Map<String, List<Integer>> now = new LinkedHashMap<>();
    sample(deliveries, now);
    return now.values().stream().mapToInt(l -> Math.max(0, l.get(0))).sum();
  }

  /**
   * Local mode as {@code ./run-local --empty} starts it; on a loaded machine an emulator may miss its
   * start limit (the SES emulator's Node child: 20 s), so up to {@code bench.startAttempts} (default 3)
   * attempts, each in a fresh directory.
   */
  private static LocalRuntime startLocalMode(Path root, Path localDir) throws java.io.IOException {
    int attempts = Integer.getInteger("bench.startAttempts", 3);
    for (int attempt = 1; ; attempt++) {
      Path dir = attempt == 1 ? localDir : Files.createTempDirectory("keepup-local");
      try {
        return LocalRuntime.startWatched(LocalConfig.defaults(root).withLocalDir(dir).withPorts(0, 0, 0, 0, 0).withEmpty(true),
            CallsByFunction.listener());
      } catch (RuntimeException e) {
        if (attempt >= attempts) {
          throw e;
        }
        System.out.println("KEEPUP local mode did not start (attempt " + attempt + " of " + attempts + "): " + e);
      }
    }
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1))];
  }

  /** An order's creation and its after-creation markers (the functions' clocks). */
  private record Done(Instant created, Instant confirmed, Instant notified) {
    /** Milliseconds from creation to the later marker: confirmed and assigned. */
    long millis() {
      return Duration.between(created, confirmed.isAfter(notified) ? confirmed : notified).toMillis();
    }
  }

  /**
   * Where the time from creation to "assigned" goes, per order, from the order's own times and what
   * order-events' event source saw of its message: stored → sent (order-api), sent → received (waiting
   * on the queue, the poll), received → handler start, handler start → assigned (the records ahead of it
   * in its batch, and its own steps up to the manager's notification), assigned → handler end (the rest
   * of the batch). p50 / p90 / max in ms.
   */
  private static void stages(Map<String, Done> done, Map<String, long[]> seen) {
    Map<String, List<Long>> stage = new LinkedHashMap<>();
    for (String name : List.of("stored -> sent", "sent -> received", "received -> handler start",
        "handler start -> assigned", "assigned -> handler end", "handler time per batch", "messages per batch")) {
      stage.put(name, new ArrayList<>());
    }
    for (var e : done.entrySet()) {
      long[] s = seen.get(e.getKey());
      if (s == null) {
        continue;
      }
      Done d = e.getValue();
      long assigned = (d.confirmed().isAfter(d.notified()) ? d.confirmed() : d.notified()).toEpochMilli();
      stage.get("stored -> sent").add(s[0] - d.created().toEpochMilli());
      stage.get("sent -> received").add(s[1] - s[0]);
      stage.get("received -> handler start").add(s[2] - s[1]);
      stage.get("handler start -> assigned").add(assigned - s[2]);
      stage.get("assigned -> handler end").add(s[3] - assigned);
      stage.get("handler time per batch").add(s[3] - s[2]);
      stage.get("messages per batch").add(s[4]);
    }
    System.out.printf("KEEPUP where the time goes (%d orders seen by order-events' event source), p50 / p90 / max:%n",
        stage.get("stored -> sent").size());
    stage.forEach((name, values) -> {
      long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("KEEPUP   %-27s %6d / %6d / %6d%s%n", name, pct(v, 50), pct(v, 90), v.length == 0 ? -1 : v[v.length - 1],
          name.startsWith("messages") ? "" : " ms");
    });
  }

  private static String orderIdOf(String body) {
    try {
      return Json.mapper().readTree(body).path("orderId").asText();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** The order's creation and after-creation markers; null while either marker is missing. */
  private static Done doneAfter(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table, String id) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(id))
        .projectionExpression("createdAt, confirmationQueuedAt, managerNotifiedAt, managerId")).item();
    if (item == null || !item.containsKey("confirmationQueuedAt") || !item.containsKey("managerNotifiedAt")
        || !item.containsKey("managerId")) {
      return null;
    }
    return new Done(Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("confirmationQueuedAt").s()),
        Instant.parse(item.get("managerNotifiedAt").s()));
  }

  private static void sample(List<SqsDelivery> deliveries, Map<String, List<Integer>> backlog) {
    for (SqsDelivery d : deliveries) {
      try {
        var attrs = d.sqsClient().getQueueAttributes(g -> g.queueUrl(d.queueUrl()).attributeNames(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
        int n = Integer.parseInt(attrs.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
            + Integer.parseInt(attrs.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
        backlog.computeIfAbsent(d.source().queueId(), k -> new ArrayList<>()).add(n);
      } catch (RuntimeException e) {
        backlog.computeIfAbsent(d.source().queueId(), k -> new ArrayList<>()).add(-1);
      }
    }
  }

  private static String body(String fixtureBody, String customerId, List<String> skus) {
    try {
      ObjectNode body = (ObjectNode) Json.mapper().readTree(fixtureBody);
      body.remove("customer");
      body.remove("cartId");
      body.put("customerId", customerId);
      ArrayNode lines = body.putArray("lines");
      List<String> pick = new ArrayList<>(skus);
      java.util.Collections.shuffle(pick, ThreadLocalRandom.current());
      pick.subList(0, LINES).forEach(s -> lines.addObject().put("sku", s).put("qty", 1));
      return body.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
