package dev.storeops.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.orderapi.OrderApiHandler;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.platform.json.Json;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sustained intake of {@code POST /orders} in local mode's setting: the order-api handler called
 * in-process with real-shaped API Gateway v2 events against the embedded stack, by N concurrent
 * clients (virtual threads, one handler instance each, as Lambda runs one request per execution
 * environment) for a ladder of N. For each variant — the hot path (one BatchGetItem, one
 * TransactWriteItems) and today's earlier path (env {@code ORDER_INTAKE_READS=separate}: one read after
 * another) — it prints orders/s, p50/p99 and DynamoDB calls per order at each level, and the highest
 * sustained rate (the best level with no failed order). In the same run it measures DynamoDB Local's own
 * ceiling: a loop of trivial single-item PutItems at the same concurrency levels, so the order rate is
 * also given as a share of what the emulator can do at all.
 *
 * <p>System properties: {@code bench.levels} (concurrency ladder, default {@code 1,2,4,8,16}), {@code
 * bench.seconds} (per level, default 10), {@code bench.warmup} (orders per variant, default 200), {@code
 * bench.lines} (lines per order, default 3), {@code bench.skus} (products the lines are drawn from,
 * default 60 — orders of a shop spread over its catalog), {@code bench.baseline} (default true).
 */
public final class OrderIntakeBench {
  private static final int[] LEVELS = Arrays.stream(System.getProperty("bench.levels", "1,2,4,8,16").split(","))
      .mapToInt(l -> Integer.parseInt(l.trim())).toArray();
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
  private static final int LINES = Integer.getInteger("bench.lines", 3);
  private static final int SKUS = Integer.getInteger("bench.skus", 60);
  private static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));

  /** Counts SDK calls by operation name. */
  static final class CallCounter implements ExecutionInterceptor {
    final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
          .incrementAndGet();
    }

    void reset() {
      calls.clear();
    }

    Map<String, Long> snapshot() {
      Map<String, Long> out = new TreeMap<>();
      calls.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }
  }

  /** One level of the ladder: requests done, their latencies, the calls they made. */
  record Level(String name, int concurrency, long[] latenciesNanos, Map<String, Long> calls, int done, double seconds,
      int failures) {
    double percentileMs(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double rate() {
      return done / seconds;
    }

    double callsPer() {
      return done == 0 ? 0 : calls.values().stream().mapToLong(Long::longValue).sum() / (double) done;
    }
  }

  /** One request of a client; true when it succeeded. */
  interface Request {
    boolean send();
  }

  public static void main(String[] args) throws Exception {
    try (AwsStack stack = AwsStack.start()) {
      String table = stack.tableName("StoreTable");
      CallCounter counter = new CallCounter();
      var endpoints = stack.endpoints();
      DynamoDbClient counted = DynamoDbClient.builder()
          .endpointOverride(endpoints.dynamoDb()).region(Region.of(endpoints.region()))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoints.accessKey(), endpoints.secretKey())))
          .httpClient(AwsClients.httpClient())
          .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
          .build();
      SqsClient sqs = stack.sqs();

      DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
      catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
      catalog.putWarehouse(new Warehouse("spb-1", "Склад на Невском", "Санкт-Петербург"));
      List<String> skus = new ArrayList<>();
      for (int i = 0; i < SKUS; i++) {
        String sku = "BENCH-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
        catalog.putProduct(new Product(sku, "Товар " + i, 10000 + i * 100, "RUB", 300, 150, 100, 80, "bench", null, null, null));
        catalog.setOnHand(sku, "msk-1", 10_000_000);
        catalog.setOnHand(sku, "spb-1", 10_000_000);
        skus.add(sku);
      }
      String customerId = OrderComponents.build(stack.dynamoDb(), sqs, table, stack.queueUrl("OrderEventsQueue"),
          OrderLimits.defaults(), "ru", Clock.systemUTC(), null).customers()
          .register(new CustomerRegistration("bench." + UUID.randomUUID() + "@example.com", "Bench", "+79160000000",
              null, false, "ru")).id();
      String fixture = Files.readString(RepoRoot.find().resolve("events/order-api/create-order.json"));
      String queueUrl = stack.queueUrl("OrderEventsQueue");

      System.out.printf("OrderIntakeBench: %d lines per order from %d SKUs, %d s per level, concurrency %s, stack %s, %d cores%n",
          LINES, SKUS, SECONDS, Arrays.toString(LEVELS), stack.backendName(), Runtime.getRuntime().availableProcessors());

      // DynamoDB Local's own ceiling: one small item per PutItem, nothing else
      java.util.function.IntFunction<Request> put = c -> () -> {
        String id = UUID.randomUUID().toString();
        counted.putItem(p -> p.tableName(table).item(Map.of(TableKeys.PK, AttributeValue.fromS("BENCHPUT#" + id),
            TableKeys.SK, AttributeValue.fromS("PUT"), "n", AttributeValue.fromN("1"))));
        return true;
      };
      java.util.function.IntFunction<Request> hot = orders(stack, counted, sqs, fixture, customerId, skus, queueUrl, "batched");
      java.util.function.IntFunction<Request> earlier = BASELINE
          ? orders(stack, counted, sqs, fixture, customerId, skus, queueUrl, "separate") : null;
      // the variants side by side at each level, so a change of the machine's load touches them alike
      List<Level> ceiling = new ArrayList<>();
      List<Level> ours = new ArrayList<>();
      List<Level> before = new ArrayList<>();
      for (int level : LEVELS) {
        ceiling.add(level("DynamoDB Local PutItem", level, counter, put));
        ours.add(level("hot path (1 BatchGetItem + 1 TransactWriteItems)", level, counter, hot));
        if (earlier != null) {
          before.add(level("earlier path (reads one after another)", level, counter, earlier));
        }
        sqs.purgeQueue(p -> p.queueUrl(queueUrl));
      }

      System.out.println();
      Level top = best(ceiling);
      Level a = best(ours);
      System.out.printf("DynamoDB Local ceiling: %.1f PutItem/s at concurrency %d (p50 %.2f ms, p99 %.2f ms)%n",
          top.rate(), top.concurrency(), top.percentileMs(50), top.percentileMs(99));
      System.out.printf("hot path: highest sustained %.1f orders/s at concurrency %d, p50 %.2f ms, p99 %.2f ms, "
          + "%.2f DynamoDB calls per order (%.2f calls/s = %.0f %% of the PutItem ceiling)%n", a.rate(), a.concurrency(),
          a.percentileMs(50), a.percentileMs(99), a.callsPer(), a.rate() * a.callsPer(),
          100 * a.rate() * a.callsPer() / top.rate());
      System.out.printf("hot path orders/s as a share of the PutItem ceiling: %.3f%n", a.rate() / top.rate());
      if (!before.isEmpty()) {
        Level b = best(before);
        System.out.printf("earlier path: highest sustained %.1f orders/s at concurrency %d, p50 %.2f ms, p99 %.2f ms, "
            + "%.2f DynamoDB calls per order%n", b.rate(), b.concurrency(), b.percentileMs(50), b.percentileMs(99),
            b.callsPer());
        System.out.printf("ratio hot/earlier: orders/s %.2f, p99 at the best level %.2f, calls per order %.2f%n",
            a.rate() / b.rate(), a.percentileMs(99) / b.percentileMs(99), a.callsPer() / b.callsPer());
      }
      counted.close();
    }
  }

  /** Clients of one order variant: its own handlers (env ORDER_INTAKE_READS), warmed first. */
  private static java.util.function.IntFunction<Request> orders(AwsStack stack, DynamoDbClient counted, SqsClient sqs,
      String fixture, String customerId, List<String> skus, String queueUrl, String reads) {
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("OrderApiFunction"));
    env.put("ORDER_INTAKE_READS", reads);
    int most = Arrays.stream(LEVELS).max().orElse(1);
    List<OrderApiHandler> handlers = new ArrayList<>();
    for (int i = 0; i < most; i++) {
      handlers.add(new OrderApiHandler(Env.of(env), counted, sqs));
    }
    for (int i = 0; i < WARMUP; i++) {
      handlers.get(i % handlers.size()).handleRequest(event(fixture, customerId, pick(skus)), null);
    }
    sqs.purgeQueue(p -> p.queueUrl(queueUrl));
    return c -> () -> {
      APIGatewayV2HTTPResponse r = handlers.get(c).handleRequest(event(fixture, customerId, pick(skus)), null);
      return r.getStatusCode() == 201;
    };
  }

  private static List<String> pick(List<String> skus) {
    List<String> shuffled = new ArrayList<>(skus);
    java.util.Collections.shuffle(shuffled, java.util.concurrent.ThreadLocalRandom.current());
    return shuffled.subList(0, Math.min(LINES, shuffled.size()));
  }

  /** The best level: the highest rate among levels without a failure (the highest at all when all failed). */
  private static Level best(List<Level> levels) {
    return levels.stream().filter(l -> l.failures() == 0).max(java.util.Comparator.comparingDouble(Level::rate))
        .orElseGet(() -> levels.stream().max(java.util.Comparator.comparingDouble(Level::rate)).orElseThrow());
  }

  /** Runs one concurrency level for {@link #SECONDS}: {@code client.apply(i)} is client i's request. */
  private static Level level(String name, int concurrency, CallCounter counter,
      java.util.function.IntFunction<Request> client) {
    counter.reset();
    java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    long start = System.nanoTime();
    long until = start + SECONDS * 1_000_000_000L;
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < concurrency; c++) {
        Request request = client.apply(c);
        pool.submit(() -> {
          while (System.nanoTime() < until) {
            long t = System.nanoTime();
            boolean ok;
            try {
              ok = request.send();
            } catch (RuntimeException e) {
              ok = false;
            }
            latencies.add(System.nanoTime() - t);
            if (!ok) {
              failures.incrementAndGet();
            }
          }
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
    Level level = new Level(name, concurrency, l, counter.snapshot(), l.length - failures.get(), seconds, failures.get());
    print(level);
    return level;
  }

  private static void print(Level r) {
    StringBuilder calls = new StringBuilder();
    r.calls().forEach((op, count) -> calls.append(String.format(" %s=%.2f", op, count / (double) Math.max(1, r.done()))));
    System.out.printf("%-50s c=%-3d %8.1f /s  p50 %8.2f ms  p99 %8.2f ms  failures %d  calls per request %.2f:%s%n",
        r.name(), r.concurrency(), r.rate(), r.percentileMs(50), r.percentileMs(99), r.failures(), r.callsPer(), calls);
  }

  private static APIGatewayV2HTTPEvent event(String fixture, String customerId, List<String> skus) {
    try {
      ObjectNode json = (ObjectNode) Json.mapper().readTree(fixture);
      ObjectNode body = (ObjectNode) Json.mapper().readTree(json.get("body").asText());
      body.remove("customer");
      body.remove("cartId");
      body.put("customerId", customerId);
      ArrayNode lines = body.putArray("lines");
      skus.forEach(s -> lines.addObject().put("sku", s).put("qty", 1));
      json.put("body", body.toString());
      ((ObjectNode) json.get("headers")).put("idempotency-key", UUID.randomUUID().toString());
      return Json.mapper().treeToValue(json, APIGatewayV2HTTPEvent.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
