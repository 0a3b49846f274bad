package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.staff.TaskService;
import dev.storeops.stack.junit.WithAwsStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stock ledger (docs/stock-ledger.md, issue 12): shipping consumes the reserved units, a release
 * never makes more available than is on hand — on DynamoDB Local through the order flow.
 */
@WithAwsStack
class StockLedgerTest {

  /** {onHand, reserved, available} of a SKU in msk-1. */
  private static long[] levels(FlowWorld w, String sku) {
    var item = w.stack.dynamoDb().getItem(b -> b.tableName(w.table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
    return new long[] {Items.num(item, "onHand", -1), Items.num(item, "reserved", -1),
        Items.num(item, "available", -1)};
  }

  private static void assertLevels(long onHand, long reserved, long available, long[] actual) {
    assertEquals(onHand, actual[0], "onHand");
    assertEquals(reserved, actual[1], "reserved");
    assertEquals(available, actual[2], "available");
  }

  /** The supplier's file: onHand = n, available = n − reserved (the same semantics as the import's write). */
  private static void supplierSays(FlowWorld w, String sku, long onHand) {
    new DynamoCatalog(w.stack.dynamoDb(), w.table, w.clock).setOnHand(sku, "msk-1", onHand);
  }

  @Test
  void shippedUnitsLeaveOnHandAndReservedSoTheSuppliersNextCountIsAllAvailable(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(10);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    OrderFlow flow = w.c.flow();
    assertLevels(10, 2, 8, levels(w, sku));
    assertEquals(OrderStatus.READY_TO_SHIP,
        flow.logCall(o.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null)).order().status());
    assertLevels(10, 2, 8, levels(w, sku));

    assertEquals(OrderStatus.SHIPPED,
        flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890")).order().status());
    assertLevels(8, 0, 8, levels(w, sku)); // reserved −2, onHand −2, available unchanged
    flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890")); // repeated: consumed once
    assertLevels(8, 0, 8, levels(w, sku));
    assertEquals(OrderStatus.DELIVERED, flow.deliver(o.id(), w.manager).order().status());
    assertLevels(8, 0, 8, levels(w, sku));

    supplierSays(w, sku, 8); // 2 left its warehouse
    assertLevels(8, 0, 8, levels(w, sku));
  }

  @Test
  void shipConsumesOnlyTheOrdersUnitsAndLeavesOtherReservations(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(10);
    Order shipped = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 3);
    w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 4);
    OrderFlow flow = w.c.flow();
    assertLevels(10, 7, 3, levels(w, sku));
    flow.logCall(shipped.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null));
    flow.ship(shipped.id(), w.manager, new ShipOrder.Request("CDEK", "777"));
    assertLevels(7, 4, 3, levels(w, sku));
  }

  @Test
  void cancelAfterTheSupplierCountFellReleasesOnlyWhatIsOnHand(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(5);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 5);
    OrderFlow flow = w.c.flow();
    assertLevels(5, 5, 0, levels(w, sku));
    supplierSays(w, sku, 2);
    assertLevels(2, 5, 0, levels(w, sku));

    assertEquals(OrderStatus.CANCELLED,
        flow.cancel(o.id(), w.manager, new CancelOrder.Request("customer asked")).order().status());
    assertLevels(2, 0, 2, levels(w, sku));
    flow.cancel(o.id(), w.manager, new CancelOrder.Request("again")); // released once
    assertLevels(2, 0, 2, levels(w, sku));
  }

  @Test
  void aStockChangeBetweenReadAndWriteIsDecidedAgainNotAnError(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(6);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    assertLevels(6, 2, 4, levels(w, sku));
    // the real client, with a supplier write slipped in just before the flow's first transaction:
    // the stock read by that attempt is stale, its condition fails, the flow reads and decides again
    DynamoDbClient real = stack.dynamoDb();
    AtomicInteger transactions = new AtomicInteger();
    DynamoDbClient racing = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && transactions.getAndIncrement() == 0) {
            supplierSays(w, sku, 3);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    OrderFlow flow = FlowComponents.build(racing, w.table, intents -> { }, FlowSettings.defaults(), w.clock,
        "https://shop.example.com", new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT,
            Duration.ofHours(1), "lead@example.com")).flow();

    assertEquals(OrderStatus.CANCELLED,
        flow.cancel(o.id(), w.manager, new CancelOrder.Request("customer asked")).order().status());
    assertEquals(2, transactions.get()); // the stale attempt and the one decided again
    assertLevels(3, 0, 3, levels(w, sku));
  }
}
