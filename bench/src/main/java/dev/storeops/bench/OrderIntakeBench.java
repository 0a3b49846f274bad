package dev.storeops.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.orderapi.OrderApiHandler;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.platform.json.Json;
import dev.storeops.ordering.Channel;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.Tokens;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.ids.Ids;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Warm latency of {@code POST /orders} at a fixed request rate, and DynamoDB calls per order: the
 * order-api handler called in-process with real-shaped API Gateway v2 events against the embedded
 * stack, versus a naive baseline in the same run (one GetItem per product, one Query per SKU, one
 * conditional UpdateItem per line, then PutItem order and PutItem idempotency record — no
 * transaction). Latency is measured from each request's scheduled start, so a slow call delays the
 * next ones and shows in the percentiles (no coordinated omission).
 *
 * <p>System properties: {@code bench.rate} (requests/s, default 10), {@code bench.orders} (measured
 * orders per variant, default 600), {@code bench.warmup} (default 200), {@code bench.lines} (lines
 * per order, default 3).
 */
public final class OrderIntakeBench {
  private static final int RATE = Integer.getInteger("bench.rate", 10);
  private static final int ORDERS = Integer.getInteger("bench.orders", 600);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
  private static final int LINES = Integer.getInteger("bench.lines", 3);

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

  record Result(String name, long[] latenciesNanos, Map<String, Long> calls, int orders, double seconds, int failures) {
    double percentileMs(double p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double callsPerOrder() {
      return calls.values().stream().mapToLong(Long::longValue).sum() / (double) orders;
    }
  }

  interface PlaceOrder {
    boolean place(int i);
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
      List<String> skus = new ArrayList<>();
      for (int i = 0; i < LINES; i++) {
        String sku = "BENCH-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
        catalog.putProduct(new Product(sku, "Товар " + i, 10000 + i * 100, "RUB", 300, 150, 100, 80, "bench", null, null, null));
        catalog.setOnHand(sku, "msk-1", 10_000_000);
        skus.add(sku);
      }
      String customerId = OrderComponents.build(stack.dynamoDb(), sqs, table, stack.queueUrl("OrderEventsQueue"),
          OrderLimits.defaults(), "ru", Clock.systemUTC(), null).customers()
          .register(new CustomerRegistration("bench." + UUID.randomUUID() + "@example.com", "Bench", "+79160000000",
              null, false, "ru")).id();

      OrderApiHandler handler = new OrderApiHandler(stack.functionEnv("OrderApiFunction"), counted, sqs);
      String fixture = Files.readString(RepoRoot.find().resolve("events/order-api/create-order.json"));
      PlaceOrder ours = i -> {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event(fixture, customerId, skus), null);
        return r.getStatusCode() == 201;
      };
      NaiveOrders naive = new NaiveOrders(counted, sqs, table, stack.queueUrl("OrderEventsQueue"));
      PlaceOrder baseline = i -> naive.place(customerId, skus);

      System.out.printf("OrderIntakeBench: %d measured orders per variant (+%d warm-up), %d lines each, %d req/s, stack %s%n",
          ORDERS, WARMUP, LINES, RATE, stack.backendName());
      run("warm-up storeops", ours, WARMUP, counter);
      run("warm-up baseline", baseline, WARMUP, counter);
      Result a = run("storeops (1 TransactWriteItems)", ours, ORDERS, counter);
      Result b = run("naive baseline (separate writes)", baseline, ORDERS, counter);
      print(a);
      print(b);
      System.out.printf("ratios storeops/baseline: p50 %.2f, p99 %.2f, DynamoDB calls per order %.2f%n",
          a.percentileMs(50) / b.percentileMs(50), a.percentileMs(99) / b.percentileMs(99),
          a.callsPerOrder() / b.callsPerOrder());
      System.out.printf("storeops writes per order on the request path: TransactWriteItems %.2f, other writes %.2f%n",
          a.calls().getOrDefault("TransactWriteItems", 0L) / (double) a.orders(),
          (a.calls().getOrDefault("PutItem", 0L) + a.calls().getOrDefault("UpdateItem", 0L)) / (double) a.orders());
      counted.close();
    }
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

  private static Result run(String name, PlaceOrder place, int n, CallCounter counter) {
    counter.reset();
    long interval = 1_000_000_000L / RATE;
    long[] latencies = new long[n];
    int failures = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!place.place(i)) {
        failures++;
      }
      latencies[i] = System.nanoTime() - scheduled;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, latencies, counter.snapshot(), n, seconds, failures);
  }

  private static void print(Result r) {
    System.out.printf("%-34s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  %6.1f orders/s  failures %d%n", r.name(),
        r.percentileMs(50), r.percentileMs(99), r.percentileMs(100), r.orders() / r.seconds(), r.failures());
    StringBuilder calls = new StringBuilder();
    r.calls().forEach((op, count) -> calls.append(String.format(" %s=%.2f", op, count / (double) r.orders())));
    System.out.printf("%-34s DynamoDB calls per order %.2f:%s%n", "", r.callsPerOrder(), calls);
  }

  /**
   * The baseline: what a first version without a transaction does. Same reads the service needs,
   * then one write per item. Not safe (a failure half-way leaves stock reserved without an order);
   * here only to show what the single transaction saves.
   */
  static final class NaiveOrders {
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String table;
    private final String queueUrl;

    NaiveOrders(DynamoDbClient dynamo, SqsClient sqs, String table, String queueUrl) {
      this.dynamo = dynamo;
      this.sqs = sqs;
      this.table = table;
      this.queueUrl = queueUrl;
    }

    boolean place(String customerId, List<String> skus) {
      String key = Tokens.sha256Hex("naive|" + UUID.randomUUID());
      var idem = dynamo.getItem(g -> g.tableName(table).key(Map.of(TableKeys.PK, AttributeValue.fromS("IDEMPOTENCY#" + key),
          TableKeys.SK, AttributeValue.fromS("IDEMPOTENCY"))).consistentRead(true));
      if (idem.hasItem()) {
        return false;
      }
      dynamo.getItem(g -> g.tableName(table).key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.CUSTOMER.key(customerId)),
          TableKeys.SK, AttributeValue.fromS("PROFILE"))));
      List<OrderLine> lines = new ArrayList<>();
      List<Reservation> reservations = new ArrayList<>();
      for (String sku : skus) {
        var product = dynamo.getItem(g -> g.tableName(table).key(Map.of(TableKeys.PK, AttributeValue.fromS("SKU#" + sku),
            TableKeys.SK, AttributeValue.fromS("PRODUCT")))).item();
        long price = Long.parseLong(product.get("priceMinor").n());
        dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SKU#" + sku), ":s", AttributeValue.fromS("STOCK#")))
            .build());
        lines.add(new OrderLine(sku, product.get("name").s(), 1, price, price));
        reservations.add(new Reservation(sku, "msk-1", 1));
      }
      Instant now = Instant.now();
      for (Reservation r : reservations) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
            .key(TableKeys.stockKey(r.sku(), r.warehouse()))
            .updateExpression("SET available = available - :q, reserved = reserved + :q, updatedAt = :now")
            .conditionExpression("available >= :q")
            .expressionAttributeValues(Map.of(":q", Items.n(r.qty()), ":now", Items.s(now.toString()))).build());
      }
      long total = lines.stream().mapToLong(OrderLine::lineTotalMinor).sum();
      Order order = new Order(Ids.newId("ord", Clock.systemUTC()), "NAIVE-" + UUID.randomUUID().toString().substring(0, 6),
          customerId, Channel.SITE, "customer", lines, total, 0, total, "RUB",
          new Delivery("PICKUP", DeliveryMethod.PICKUP, "shop", "Москва", null, "msk-1", 0), PaymentMethod.ONLINE_CARD,
          OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD),
          OrderLifecycle.created(PaymentMethod.ONLINE_CARD, now, "customer"), null, null, Tokens.sha256Hex("t"),
          reservations, now, now);
      dynamo.putItem(p -> p.tableName(table).item(DynamoOrderStore.toItem(order)));
      Map<String, AttributeValue> idemItem = new HashMap<>(Map.of(TableKeys.PK, AttributeValue.fromS("IDEMPOTENCY#" + key),
          TableKeys.SK, AttributeValue.fromS("IDEMPOTENCY"), "orderId", AttributeValue.fromS(order.id())));
      dynamo.putItem(p -> p.tableName(table).item(idemItem).conditionExpression("attribute_not_exists(pk)"));
      sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody("{\"type\":\"OrderCreated\",\"orderId\":\"" + order.id() + "\"}"));
      return true;
    }
  }
}
