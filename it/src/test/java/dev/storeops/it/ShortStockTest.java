package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.ManageCatalog;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.ShortLine;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockJournal;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.catalog.dynamo.DynamoStockJournal;
import dev.storeops.catalog.dynamo.ShortStockMarks;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.SweepShortStock;
import dev.storeops.fulfilment.dynamo.DynamoShortStock;
import dev.storeops.fulfilment.dynamo.DynamoShortStockMarks;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.StaffTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds, short orders and the movement journal (docs/stock-ledger.md, issue 12) on DynamoDB Local:
 * a stock item's {@code reserved} is the sum of its holds; a count below what the orders hold flags
 * them short and gives their manager one task; the journal tells why the stock changed.
 */
@WithAwsStack
class ShortStockTest {
  /** Journal entries of one instant have no order among them: the test's clock moves between movements. */
  private static final java.time.Duration SECOND = java.time.Duration.ofSeconds(1);

  private static DynamoCatalog catalog(FlowWorld w) {
    return new DynamoCatalog(w.stack.dynamoDb(), w.table, w.clock);
  }

  /** Staff keep the catalog; their counts go through the short-stock rule (as in the staff API's wiring). */
  private static ManageCatalog manage(FlowWorld w, ShortStockPolicy.Source source) {
    FlagShortOrders flag = new FlagShortOrders(new DynamoShortStock(w.stack.dynamoDb(), w.table, w.clock), w.c.tasks());
    return new ManageCatalog(catalog(w), w.clock,
        (sku, warehouse, before, after, by) -> flag.afterCount(sku, warehouse, before, after, source, by));
  }

  private static String product(FlowWorld w, ManageCatalog manage, long onHand) {
    String sku = FlowWorld.unique("SKU").toUpperCase();
    catalog(w).putProduct(new Product(sku, "Tea", 1200, "RUB", 100, 10, 10, 10, null, List.of(), List.of(), w.clock.instant()));
    catalog(w).putWarehouse(new Warehouse("msk-1", "Moscow 1", "Moscow"));
    manage.setStock(sku, "msk-1", new ManageCatalog.StockRequest(onHand), "staff-anna");
    return sku;
  }

  private static long heldSum(FlowWorld w, String sku) {
    return StockLedgerItems.holds(w.stack.dynamoDb(), w.table, sku, "msk-1").stream().mapToLong(Hold::qty).sum();
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> orderItem(FlowWorld w, String id) {
    return w.stack.dynamoDb().getItem(b -> b.tableName(w.table).key(DynamoOrderStore.orderKey(id)).consistentRead(true))
        .item();
  }

  private static Order stored(FlowWorld w, String id) {
    return DynamoOrderStore.fromItem(orderItem(w, id));
  }

  @Test
  void reservedIsTheSumOfTheHoldsThroughReserveShipAndCancel(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(10);
    Order shipped = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    Order cancelled = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 3);
    assertEquals(5, w.stockOf(sku)[0]);
    assertEquals(5, heldSum(w, sku));
    var hold = StockLedgerItems.holds(stack.dynamoDb(), w.table, sku, "msk-1").stream()
        .filter(h -> h.orderId().equals(shipped.id())).findFirst().orElseThrow();
    assertEquals(2, hold.qty());
    assertEquals(w.manager, hold.manager());

    w.c.flow().logCall(shipped.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null));
    w.c.flow().ship(shipped.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890"));
    assertEquals(3, w.stockOf(sku)[0]);
    assertEquals(3, heldSum(w, sku));
    w.c.flow().cancel(cancelled.id(), w.manager, new CancelOrder.Request("customer asked"));
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(0, heldSum(w, sku));
  }

  @Test
  void supplierCutBelowTheReservationFlagsTheOrderAndTasksItsManagerOnceThenCancelKeepsAvailableAtMostOnHand(
      AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    ManageCatalog supplier = manage(w, ShortStockPolicy.Source.SUPPLIER);
    String sku = product(w, supplier, 5);
    w.clock.advance(SECOND);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 5);
    assertFalse(stored(w, o.id()).isShort());

    w.clock.advance(SECOND);
    supplier.setStock(sku, "msk-1", new ManageCatalog.StockRequest(2L), "supplier:acme");
    var item = orderItem(w, o.id());
    assertTrue(Items.bool(item, "short"));
    assertEquals(List.of(new ShortLine(sku, "msk-1", 5, 2)), stored(w, o.id()).shortLines());
    Map<String, Object> staffView = OrderViews.staff(stored(w, o.id()));
    assertEquals(true, staffView.get("short"));
    assertEquals(List.of(new ShortLine(sku, "msk-1", 5, 2)), staffView.get("shortLines"));
    assertEquals(true, OrderViews.customer(stored(w, o.id())).get("short"));

    List<StaffTask> tasks = w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 50).stream()
        .filter(t -> t.kind().equals(ShortStockPolicy.TASK_KIND)).toList();
    assertEquals(1, tasks.size());
    assertEquals(ShortStockPolicy.taskId(o.id(), sku, "msk-1"), tasks.get(0).id());
    assertEquals(o.id(), tasks.get(0).orderId());
    assertTrue(tasks.get(0).title().startsWith("Supplier now has 2 of " + sku + " in msk-1, order " + o.number()
        + " holds 5"), tasks.get(0).title());

    w.clock.advance(SECOND);
    supplier.setStock(sku, "msk-1", new ManageCatalog.StockRequest(2L), "supplier:acme"); // the same file again
    assertEquals(1, w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 50).stream()
        .filter(t -> t.kind().equals(ShortStockPolicy.TASK_KIND)).count());

    w.clock.advance(SECOND);
    w.c.flow().cancel(o.id(), w.manager, new CancelOrder.Request("supplier cannot deliver"));
    assertEquals(0, w.stockOf(sku)[0]);
    assertTrue(w.stockOf(sku)[1] <= 2);
    assertEquals(2, w.stockOf(sku)[1]);
    item = orderItem(w, o.id());
    assertFalse(item.containsKey("short"));
    assertFalse(item.containsKey("shortLines"));
    assertEquals(false, OrderViews.staff(stored(w, o.id())).get("short"));

    // the journal, newest first: the release, the two counts, the reservation, the first count
    StockJournal.Page page = new DynamoStockJournal(stack.dynamoDb(), w.table).movements(sku, 50, null);
    assertEquals(List.of(StockMovement.RELEASE, StockMovement.STAFF_SET, StockMovement.STAFF_SET,
        StockMovement.RESERVE, StockMovement.STAFF_SET), page.movements().stream().map(StockMovement::movement).toList());
    assertNull(page.next());
    StockMovement release = page.movements().get(0);
    assertEquals(2L, release.onHandBefore());
    assertEquals(5L, release.reservedBefore());
    assertEquals(2L, release.onHandAfter());
    assertEquals(0L, release.reservedAfter());
    assertEquals(2L, release.availableAfter());
    assertEquals(w.manager, release.actor());
    assertEquals(o.id(), release.ref());
    assertTrue(release.reason().contains("supplier cannot deliver"), release.reason());
    StockMovement cut = page.movements().get(2);
    assertEquals(5L, cut.onHandBefore());
    assertEquals(2L, cut.onHandAfter());
    assertEquals(-3, cut.onHandChange());
    assertEquals("supplier:acme", cut.actor());
    StockMovement reserve = page.movements().get(3);
    assertEquals(5, reserve.qty());
    assertEquals(5, reserve.reservedChange());
    assertEquals("customer", reserve.actor());
    assertEquals(o.id(), reserve.ref());

    // paging: two at a time, in the same order
    StockJournal.Page first = new DynamoStockJournal(stack.dynamoDb(), w.table).movements(sku, 2, null);
    StockJournal.Page second = new DynamoStockJournal(stack.dynamoDb(), w.table).movements(sku, 2, first.next());
    assertEquals(page.movements().subList(0, 2), first.movements());
    assertEquals(page.movements().subList(2, 4), second.movements());
  }

  @Test
  void aFailedTaskWriteIsTriedAgainSoAFlaggedOrderAlwaysHasItsTask(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    // the task store's first create fails, as a throttled or lost DynamoDB call would
    dev.storeops.staff.TaskStore real = new dev.storeops.staff.dynamo.DynamoTaskStore(w.stack.dynamoDb(), w.table,
        new dev.storeops.platform.dynamo.DueWorkStore(w.stack.dynamoDb(), w.table, w.clock));
    java.util.concurrent.atomic.AtomicInteger creates = new java.util.concurrent.atomic.AtomicInteger();
    dev.storeops.staff.TaskStore failingOnce = (dev.storeops.staff.TaskStore) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {dev.storeops.staff.TaskStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("createIfAbsent") && creates.incrementAndGet() == 1) {
            throw new IllegalStateException("injected: the first task write fails");
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    dev.storeops.staff.TaskService tasks = new dev.storeops.staff.TaskService(failingOnce, List::of, t -> {}, w.clock,
        dev.storeops.staff.TaskService.EscalationPolicy.REPORT, java.time.Duration.ofHours(1));
    FlagShortOrders flag = new FlagShortOrders(new DynamoShortStock(w.stack.dynamoDb(), w.table, w.clock), tasks);
    ManageCatalog supplier = new ManageCatalog(catalog(w), w.clock, (sku, warehouse, before, after, by) ->
        flag.afterCount(sku, warehouse, before, after, ShortStockPolicy.Source.SUPPLIER, by));
    String sku = product(w, supplier, 5);
    w.clock.advance(SECOND);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 5);

    w.clock.advance(SECOND);
    supplier.setStock(sku, "msk-1", new ManageCatalog.StockRequest(2L), "supplier:acme");

    assertTrue(stored(w, o.id()).isShort());
    assertEquals(2, creates.get(), "the failed create was tried again");
    assertEquals(1, w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 50).stream()
        .filter(t -> t.kind().equals(ShortStockPolicy.TASK_KIND) && t.orderId().equals(o.id())).count());
  }

  @Test
  void aCountWhoseFlaggingNeverRanIsSweptFromItsMarkFlaggedWithItsTaskAndUnmarked(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    // the count is written, then the function dies before the short-order rule runs
    ManageCatalog dying = new ManageCatalog(catalog(w), w.clock, (sku, warehouse, before, after, by) -> {
      if (ShortStockPolicy.isShort(after)) {
        throw new IllegalStateException("injected: crashed between the count and its flagging");
      }
    });
    String sku = product(w, dying, 5);
    w.clock.advance(SECOND);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 4);
    assertFalse(stockItem(w, sku).containsKey(TableKeys.DUE_PK), "a covered row is not marked");
    w.clock.advance(SECOND);
    assertThrows(IllegalStateException.class,
        () -> dying.setStock(sku, "msk-1", new ManageCatalog.StockRequest(1L), "staff-anna"));
    assertFalse(stored(w, o.id()).isShort(), "nothing flagged it");
    var marked = stockItem(w, sku);
    assertEquals("DUE#" + ShortStockMarks.KIND + "#" + dev.storeops.platform.dynamo.DueWork.day(w.clock.instant()),
        Items.str(marked, TableKeys.DUE_PK), "the count's own transaction marked the row");

    SweepShortStock sweep = DynamoShortStockMarks.job(stack.dynamoDb(), w.table, w.clock, w.c.tasks(), null);
    w.clock.advance(SECOND);
    Map<String, Object> first = sweep.run();
    assertTrue(((Number) first.get("shortOrders")).intValue() >= 1, first.toString());
    assertEquals(List.of(new ShortLine(sku, "msk-1", 4, 1)), stored(w, o.id()).shortLines());
    assertTrue(w.c.taskStore().find(ShortStockPolicy.taskId(o.id(), sku, "msk-1")).orElseThrow().title()
        .startsWith("Stock counted by staff: 1 of " + sku));
    assertFalse(stockItem(w, sku).containsKey(TableKeys.DUE_PK), "the mark is gone");
    assertFalse(stockItem(w, sku).containsKey(TableKeys.DUE_SK));

    long shortRev = Items.num(orderItem(w, o.id()), "shortRev", 0);
    w.clock.advance(SECOND);
    sweep.run();
    assertEquals(shortRev, Items.num(orderItem(w, o.id()), "shortRev", 0), "a second run changes nothing");
    assertEquals(1, w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 50).stream()
        .filter(t -> t.kind().equals(ShortStockPolicy.TASK_KIND) && t.orderId().equals(o.id())).count());
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stockItem(FlowWorld w,
      String sku) {
    return w.stack.dynamoDb().getItem(b -> b.tableName(w.table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
  }

  @Test
  void aCountThatCoversTheHoldsAgainClearsTheFlag(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    ManageCatalog staff = manage(w, ShortStockPolicy.Source.STAFF);
    String sku = product(w, staff, 4);
    Order a = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 3);
    staff.setStock(sku, "msk-1", new ManageCatalog.StockRequest(1L), "staff-anna");
    assertTrue(stored(w, a.id()).isShort());
    assertTrue(w.c.taskStore().find(ShortStockPolicy.taskId(a.id(), sku, "msk-1")).orElseThrow().title()
        .startsWith("Stock counted by staff: 1 of " + sku));

    staff.setStock(sku, "msk-1", new ManageCatalog.StockRequest(3L), "staff-anna");
    assertFalse(stored(w, a.id()).isShort());
    assertFalse(orderItem(w, a.id()).containsKey("short"));
    assertEquals(List.of(), stored(w, a.id()).shortLines());
  }

  @Test
  void aCancelThatCoversTheOtherHoldsClearsTheirFlag(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    ManageCatalog supplier = manage(w, ShortStockPolicy.Source.SUPPLIER);
    String sku = product(w, supplier, 5);
    Order a = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 3);
    Order b = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    supplier.setStock(sku, "msk-1", new ManageCatalog.StockRequest(2L), "supplier:acme");
    assertTrue(stored(w, a.id()).isShort());
    assertTrue(stored(w, b.id()).isShort());
    assertEquals(List.of(new ShortLine(sku, "msk-1", 2, 2)), stored(w, b.id()).shortLines());

    w.c.flow().cancel(a.id(), w.manager, new CancelOrder.Request("customer asked")); // 2 on hand, 2 held
    assertFalse(stored(w, a.id()).isShort());
    assertFalse(stored(w, b.id()).isShort());
    assertFalse(orderItem(w, b.id()).containsKey("shortLines"));
    assertEquals(2, heldSum(w, sku));
  }
}
