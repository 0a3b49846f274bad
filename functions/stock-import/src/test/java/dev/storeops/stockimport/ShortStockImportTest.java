package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.ShortLine;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.DynamoStockJournal;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import dev.storeops.stockimport.core.ImportReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The two stories with real supplier files (docs/stock-ledger.md): a shipped order's units
 * leave the ledger, so the supplier's next count is all available; a count below what an order holds
 * flags it short and gives its manager one task, and its cancellation never makes more available
 * than the supplier has. The journal tells the story in order.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortStockImportTest {
  private static final String MANAGER = "mgr-olga";
  private AwsStack stack;
  private String bucket;
  private String table;
  private StockImportService service;
  private FlowComponents flow;
  /** What the flagging counts (OrdersShort), read back as the EMF lines a flush would write. */
  private final Metrics metrics = new Metrics("test", Clock.systemUTC());

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.bucket = stack.bucketName("SupplierBucket");
    this.table = stack.tableName("StoreTable");
    Clock clock = Clock.systemUTC();
    this.service = new StockImportService(new S3SupplierFiles(stack.s3(), bucket),
        new DynamoStockStore(stack.dynamoDb(), table), new DynamoImportLedger(stack.dynamoDb(), table),
        new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), clock,
        new StockImportService.Settings(StockImportService.Settings.DEFAULT_MAX_FILE_BYTES, 4, "ops@example.com",
            Path.of(System.getProperty("java.io.tmpdir"))),
        StockImportWiring.shortOrders(stack.dynamoDb(), table, clock, new ShopMetrics(metrics)));
    this.flow = FlowComponents.build(stack.dynamoDb(), table, intents -> { }, FlowSettings.defaults(), clock,
        "https://shop.example.com", new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT,
            Duration.ofHours(1), "lead@example.com"));
  }

  private String newSupplier() {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    stack.s3().putObject(b -> b.bucket(bucket).key("profiles/" + sup + ".json"), RequestBody.fromString("""
        {"supplierId": "%s", "warehouse": "msk-1", "columns": {"sku": ["sku"], "quantity": ["qty"]},
         "missing": "keep"}
        """.formatted(sup)));
    return sup;
  }

  private ImportReport supplierSays(String sup, String sku, long qty) {
    String key = "incoming/" + sup + "/stock-" + UUID.randomUUID().toString().substring(0, 4) + ".csv";
    byte[] body = ("sku,qty\n" + sku + "," + qty + "\n").getBytes(StandardCharsets.UTF_8);
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    ImportReport report = service.handle(new StockImportService.ObjectRef(bucket, key, null,
        UUID.randomUUID().toString(), Long.toHexString(System.nanoTime()), (long) body.length)).orElseThrow();
    assertEquals(ImportReport.APPLIED, report.status(), String.valueOf(report.reason()));
    return report;
  }

  /** {onHand, reserved, available}. */
  private long[] levels(String sku) {
    var item = stack.dynamoDb().getItem(b -> b.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
    return new long[] {Items.num(item, "onHand", -1), Items.num(item, "reserved", -1), Items.num(item, "available", -1)};
  }

  private Order order(String sku, int qty) {
    Instant now = Instant.now();
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", "+79990000000", null, false, null, "en", now, MANAGER));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    long total = 1200L * qty;
    PaymentMethod cod = PaymentMethod.CASH_ON_DELIVERY;
    Order order = new Order(id, "261130-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", List.of(new OrderLine(sku, "Tea", qty, 1200, total)), total, 0, total, "RUB", null,
        cod, OrderLifecycle.initialStatus(cod), OrderLifecycle.created(cod, now, "customer"), MANAGER, null, "hash",
        List.of(new Reservation(sku, "msk-1", qty)), now, now);
    new DynamoOrderStore(stack.dynamoDb(), table).create(order, new IdempotencyRecord(UUID.randomUUID().toString(),
        "h", id, "sealed", now, now.plus(Duration.ofDays(1))));
    return order;
  }

  private Order stored(String id) {
    return new DynamoOrderStore(stack.dynamoDb(), table).find(id).orElseThrow();
  }

  private List<StaffTask> shortTasks(String orderId) {
    return flow.tasks().list(MANAGER, StaffTask.Status.OPEN, 100).stream()
        .filter(t -> t.kind().equals(ShortStockPolicy.TASK_KIND) && orderId.equals(t.orderId())).toList();
  }

  @Test
  void supplierTenOrderTwoShippedSupplierEightLeavesEightAvailable() {
    String sup = newSupplier();
    String sku = "INT-SHIP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    supplierSays(sup, sku, 10);
    Order o = order(sku, 2);
    flow.flow().logCall(o.id(), MANAGER, "c1", new LogCall.Request("CONFIRMED", null));
    flow.flow().ship(o.id(), MANAGER, new ShipOrder.Request("CDEK", "1234567890"));
    flow.flow().deliver(o.id(), MANAGER);
    supplierSays(sup, sku, 8);
    assertEquals(8, levels(sku)[2]);
    assertEquals(0, levels(sku)[1]);
    assertFalse(stored(o.id()).isShort());
  }

  @Test
  void supplierCutsBelowTheReservationTheOrderIsFlaggedShortWithOneTaskAndACancelReleasesOnlyWhatIsThere()
      throws Exception {
    String sup = newSupplier();
    String sku = "INT-CUT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    ImportReport first = supplierSays(sup, sku, 5);
    Order o = order(sku, 5);
    Thread.sleep(2);
    metrics.drain();
    ImportReport cut = supplierSays(sup, sku, 2);
    assertTrue(metrics.drain().stream().anyMatch(l -> l.contains("\"OrdersShort\":1")), "OrdersShort counted once");

    Order flagged = stored(o.id());
    assertTrue(flagged.isShort());
    assertEquals(List.of(new ShortLine(sku, "msk-1", 5, 2)), flagged.shortLines());
    List<StaffTask> tasks = shortTasks(o.id());
    assertEquals(1, tasks.size());
    assertTrue(tasks.get(0).title().startsWith("Supplier now has 2 of " + sku + " in msk-1, order " + o.number()
        + " holds 5"), tasks.get(0).title());

    supplierSays(sup, sku, 2); // the same count again (a re-sent file): no second task, not counted again
    assertEquals(1, shortTasks(o.id()).size());
    assertTrue(metrics.drain().stream().noneMatch(l -> l.contains("OrdersShort")));

    Thread.sleep(2);
    flow.flow().cancel(o.id(), MANAGER, new CancelOrder.Request("supplier cannot deliver"));
    assertTrue(levels(sku)[2] <= 2);
    assertEquals(2, levels(sku)[2]);
    assertFalse(stored(o.id()).isShort());

    List<StockMovement> journal = new DynamoStockJournal(stack.dynamoDb(), table).movements(sku, 10, null).movements();
    assertEquals(List.of(StockMovement.RELEASE, StockMovement.SUPPLIER_IMPORT, StockMovement.RESERVE,
        StockMovement.SUPPLIER_IMPORT), journal.stream().map(StockMovement::movement).toList());
    StockMovement count = journal.get(1);
    assertEquals("supplier:" + sup, count.actor());
    assertEquals(cut.file(), count.ref());
    assertEquals(5L, count.onHandBefore());
    assertEquals(2L, count.onHandAfter());
    assertEquals(5L, count.reservedAfter());
    assertEquals(0L, count.availableAfter());
    assertEquals("supplier " + sup + " counts 2 (was 5)", count.reason());
    assertEquals(first.file(), journal.get(3).ref());
    assertEquals(2L, journal.get(0).availableAfter());
  }
}
