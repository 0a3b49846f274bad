package dev.storeops.it;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Reservation;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderAnnouncements;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.TaskService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A 40-line order (docs/orders.md, "40 lines do not fit one transaction") is cancelled or shipped whole:
 * the status change writes the stock moves that fit beside it and lists the rest on a pending-moves item,
 * written right after; a crash in between leaves them to the announce sweeper.
 */
@WithAwsStack
class LargeOrderTest {
  private static final int LINES = OrderLimits.MAX_LINES;

  /** A stored 40-line order of a new customer, 2 units of each SKU (stock 10 each in msk-1). */
  private static Order largeOrder(FlowWorld w, List<String> skus) {
    Instant now = w.clock.instant();
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(w.stack.dynamoDb(), w.table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", "+79990000000", null, false, null, "en", now, w.manager));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    List<OrderLine> lines = new ArrayList<>();
    List<Reservation> reservations = new ArrayList<>();
    for (String sku : skus) {
      lines.add(new OrderLine(sku, "Tea", 2, 1200, 2400));
      reservations.add(new Reservation(sku, "msk-1", 2));
    }
    long total = 2400L * skus.size();
    PaymentMethod method = PaymentMethod.CASH_ON_DELIVERY;
    Order order = new Order(id, "261123-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", lines, total, 0, total, "RUB", null, method, OrderLifecycle.initialStatus(method),
        OrderLifecycle.created(method, now, "customer"), w.manager, null, "hash", reservations, now, now);
    new DynamoOrderStore(w.stack.dynamoDb(), w.table).create(order, new IdempotencyRecord(FlowWorld.unique("idem"), "h",
        id, "sealed", now, now.plus(Duration.ofDays(1))));
    return order;
  }

  private static List<String> stock(FlowWorld w) {
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      skus.add(w.stock(10));
    }
    return skus;
  }

  private static long[] levels(FlowWorld w, String sku) {
    var item = w.stack.dynamoDb().getItem(b -> b.tableName(w.table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
    return new long[] {Items.num(item, "onHand", -1), Items.num(item, "reserved", -1), Items.num(item, "available", -1)};
  }

  /** qty of the order's hold on the SKU (0 once ended). */
  private static long hold(FlowWorld w, String sku, String orderId) {
    return Items.num(w.stack.dynamoDb().getItem(b -> b.tableName(w.table)
        .key(TableKeys.holdKey(sku, "msk-1", orderId)).consistentRead(true)).item(), "qty", -1);
  }

  private static List<String> movements(FlowWorld w, String sku) {
    return w.stack.dynamoDb().query(q -> q.tableName(w.table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.SKU.key(sku)), ":m", s("MOVE#"))))
        .items().stream().map(i -> Items.str(i, "movement")).toList();
  }

  /** The order's pending-moves items still on the due index. */
  private static List<Map<String, AttributeValue>> pendingMoves(FlowWorld w, String orderId) {
    return w.stack.dynamoDb().query(q -> q.tableName(w.table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.ORDER.key(orderId)), ":m", s("STOCKMOVES#"))))
        .items().stream().filter(i -> i.containsKey(TableKeys.DUE_PK)).toList();
  }

  @Test
  void aFortyLineOrderIsStoredWholeAndShippedWhole(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    List<String> skus = stock(w);
    Order o = largeOrder(w, skus);
    for (String sku : skus) {
      assertEquals(List.of(10L, 2L, 8L), List.of(levels(w, sku)[0], levels(w, sku)[1], levels(w, sku)[2]), sku);
      assertEquals(2, hold(w, sku, o.id()), sku);
    }
    OrderFlow flow = w.c.flow();
    flow.logCall(o.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null));
    assertEquals(OrderStatus.SHIPPED, flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "4040")).order().status());
    for (String sku : skus) {
      long[] l = levels(w, sku);
      assertEquals(List.of(8L, 0L, 8L), List.of(l[0], l[1], l[2]), sku);
      assertEquals(0, hold(w, sku, o.id()), sku);
      assertEquals(List.of("consume", "reserve"), movements(w, sku).stream().sorted().toList(), sku);
    }
    assertEquals(List.of(), pendingMoves(w, o.id()));
    flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "4040")); // repeated: consumed once
    assertEquals(8, levels(w, skus.get(LINES - 1))[0]);
  }

  @Test
  void aFortyLineOrderIsCancelledWhole(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    List<String> skus = stock(w);
    Order o = largeOrder(w, skus);
    assertEquals(OrderStatus.CANCELLED,
        w.c.flow().cancel(o.id(), w.manager, new CancelOrder.Request("customer asked")).order().status());
    for (String sku : skus) {
      long[] l = levels(w, sku);
      assertEquals(List.of(10L, 0L, 10L), List.of(l[0], l[1], l[2]), sku);
      assertEquals(0, hold(w, sku, o.id()), sku);
      assertEquals(List.of("release", "reserve"), movements(w, sku).stream().sorted().toList(), sku);
    }
    assertEquals(List.of(), pendingMoves(w, o.id()));
  }

  /** A crash of the process. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void aCrashAfterTheCancellationLeavesTheRestToTheAnnounceSweeper(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    List<String> skus = stock(w);
    Order o = largeOrder(w, skus);
    // the flow's client dies right after the cancellation's transaction
    DynamoDbClient real = stack.dynamoDb();
    AtomicInteger transactions = new AtomicInteger();
    DynamoDbClient dying = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && transactions.incrementAndGet() == 2) {
            throw new Crash();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    OrderFlow flow = FlowComponents.build(dying, w.table, intents -> { }, FlowSettings.defaults(), w.clock,
        "https://shop.example.com", new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT,
            Duration.ofHours(1), "lead@example.com")).flow();
    assertThrows(Crash.class, () -> flow.cancel(o.id(), w.manager, new CancelOrder.Request("customer asked")));

    assertEquals(OrderStatus.CANCELLED, new DynamoOrderStore(stack.dynamoDb(), w.table).find(o.id()).orElseThrow().status());
    List<String> left = skus.stream().filter(s -> levels(w, s)[1] == 2).toList();
    assertTrue(!left.isEmpty() && left.size() < LINES, "some rows released with the change, the rest listed: " + left.size());
    assertEquals(1, pendingMoves(w, o.id()).size());
    for (String sku : left) {
      assertEquals(2, hold(w, sku, o.id()), sku); // reserved = Σ open holds meanwhile
    }

    w.clock.advance(Duration.ofMinutes(6));
    String queue = stack.sqs().createQueue(q -> q.queueName("large-sweep-" + UUID.randomUUID())).queueUrl();
    Map<String, Object> result = DynamoOrderAnnouncements.job(stack.dynamoDb(), stack.sqs(), w.table, queue, w.clock).run();
    assertTrue(((Number) result.get("stockMovesFinished")).intValue() >= 1, result.toString());
    for (String sku : skus) {
      long[] l = levels(w, sku);
      assertEquals(List.of(10L, 0L, 10L), List.of(l[0], l[1], l[2]), sku);
      assertEquals(0, hold(w, sku, o.id()), sku);
      assertEquals(List.of("release", "reserve"), movements(w, sku).stream().sorted().toList(), sku);
    }
    assertEquals(List.of(), pendingMoves(w, o.id()));
  }

  @Test
  void theSweeperTriesAFailingReleaseAgainInTheSameRunSoAThrottledRunStillFinishesIt(AwsStack stack) {
    // found by the simulation (docs/simulation.md, "What it found"): five runs each failing on one of the
    // release's calls parked the item as poison with its units reserved; now a run tries again at once
    FlowWorld w = new FlowWorld(stack);
    List<String> skus = stock(w);
    Order o = largeOrder(w, skus);
    DynamoDbClient real = stack.dynamoDb();
    OrderFlow flow0 = FlowComponents.build((DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, new java.lang.reflect.InvocationHandler() {
          private final AtomicInteger transactions = new AtomicInteger();

          @Override
          public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("transactWriteItems") && transactions.incrementAndGet() == 2) {
              throw new Crash();
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
        }), w.table, intents -> { }, FlowSettings.defaults(), w.clock, "https://shop.example.com",
        new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT, Duration.ofHours(1), "lead@example.com")).flow();
    assertThrows(Crash.class, () -> flow0.cancel(o.id(), w.manager, new CancelOrder.Request("customer asked")));
    assertEquals(1, pendingMoves(w, o.id()).size());

    // the sweeper's client: its first two transactions are throttled, as DynamoDB does under load
    AtomicInteger throttled = new AtomicInteger();
    DynamoDbClient throttling = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && throttled.incrementAndGet() <= 2) {
            throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                .statusCode(400).message("Rate exceeded").build();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    w.clock.advance(Duration.ofMinutes(6));
    String queue = stack.sqs().createQueue(q -> q.queueName("large-sweep-" + UUID.randomUUID())).queueUrl();
    Map<String, Object> result = DynamoOrderAnnouncements.job(throttling, stack.sqs(), w.table, queue, w.clock).run();
    assertTrue(((Number) result.get("stockMovesFinished")).intValue() >= 1, result.toString());
    assertTrue(throttled.get() > 2, "the throttled transactions were tried again: " + throttled.get());
    for (String sku : skus) {
      long[] l = levels(w, sku);
      assertEquals(List.of(10L, 0L, 10L), List.of(l[0], l[1], l[2]), sku);
      assertEquals(0, hold(w, sku, o.id()), sku);
    }
    assertEquals(List.of(), pendingMoves(w, o.id()));
  }
}
