package dev.storeops.reportsstream;

import dev.storeops.platform.dynamo.TableKeys;
import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.s3.S3SupplierTerms;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The reports-stream function fed with the table's real stream records (read from DynamoDB Local's
 * stream, delivered twice to prove idempotency) on the AWS stack from template.yaml; the figures are
 * then read back through {@link ReportService} and compared with hand-computed examples.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsStreamTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private AwsStack stack;
  private ReportsStreamHandler handler;
  private String table;
  private TableStream stream;
  private DynamoReportStore store;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("ReportsStreamFunction", ReportsStreamHandler.class);
    this.table = stack.tableName("StoreTable");
    this.stream = new TableStream(stack);
    this.store = new DynamoReportStore(stack.dynamoDb(), table);
    for (String w : List.of("msk-1", "spb-1")) {
      stack.dynamoDb().putItem(p -> p.tableName(table).item(Map.of("pk", s("WAREHOUSE#" + w), "sk", s("WAREHOUSE"),
          "type", s("Warehouse"), "id", s(w), "name", s(w), "city", s("-"), "gsi1pk", s("WAREHOUSES"), "gsi1sk", s(w))));
    }
  }

  @AfterAll
  void tearDown() {
    stream.close();
  }

  private ReportService reports(Instant now) {
    return new ReportService(store, new S3SupplierTerms(stack.s3(), stack.bucketName("SupplierBucket")),
        Clock.fixed(now, ZoneOffset.UTC), MSK, PurchasePlanner.DEFAULT_COVER_DAYS);
  }

  /** Delivers everything the stream holds since the last call to the function, in batches of 100 — twice. */
  private void deliverStreamTwice() {
    List<Record> records = stream.readNew();
    assertTrue(!records.isEmpty(), "the stream has the writes");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < records.size(); i += 100) {
        DynamodbEvent event = stream.event(records.subList(i, Math.min(records.size(), i + 100)));
        StreamsEventResponse response = handler.handleRequest(event, null);
        assertEquals(List.of(), response.getBatchItemFailures());
      }
    }
  }

  // ------------------------------------------------------------------ orders

  private final Map<String, Order> current = new HashMap<>();

  private Order order(Channel channel, String createdAt, long totalMinor, Map<String, Integer> lines) {
    Instant at = Instant.parse(createdAt);
    String id = "ord_rep" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    List<OrderLine> orderLines = new ArrayList<>();
    lines.forEach((sku, qty) -> orderLines.add(new OrderLine(sku, sku, qty, 100, 100L * qty)));
    Order o = new Order(id, id.substring(7, 19), "cus_rep", channel, "customer", orderLines, totalMinor, 0, totalMinor,
        "RUB", new Delivery("PICKUP", DeliveryMethod.PICKUP, null, "Москва", null, "msk-1", 0),
        PaymentMethod.ONLINE_CARD, OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD),
        OrderLifecycle.created(PaymentMethod.ONLINE_CARD, at, "customer"), null, null, "x", List.of(), at, at);
    save(o);
    return o;
  }

  private void save(Order o) {
    current.put(o.id(), o);
    stack.dynamoDb().putItem(p -> p.tableName(table).item(DynamoOrderStore.toItem(o)));
  }

  private void move(Order o, OrderStatus to, String reason) {
    Order now = current.get(o.id());
    save(OrderLifecycle.transition(now, to, now.updatedAt().plusSeconds(600), "mgr-test", reason));
  }

  /**
   * The hand-computed example (shop time zone Europe/Moscow, UTC+3; money in kopecks):
   *
   * <pre>
   * order  channel  created (UTC)        shop day    total    what happens
   * A      SITE     2031-03-10 08:00     03-10     100000    paid, shipped
   * B      PHONE    2031-03-10 12:00     03-10     250000    confirmed
   * C      SITE     2031-03-10 20:30     03-10     150000    cancelled "Customer refused"
   * D      EMAIL    2031-03-10 21:30     03-11      70000    (00:30 in Moscow: the next day)
   * E      SITE     2031-03-11 10:00     03-11      33333    cancelled "No payment"
   * F      PHONE    2031-03-11 11:00     03-11     100001    confirmed, shipped
   * G      SITE     2031-03-13 09:00     03-13     200000    cancelled "customer  refused" (same reason)
   *
   * day    orders  gross   cancelled  cancelled amount  net  revenue  average check
   * 03-10    3     500000      1          150000         2   350000   175000
   * 03-11    3     203334      1           33333         2   170001    85001 (85000.5 rounded half up)
   * 03-12    0          0      0               0         0        0        0
   * 03-13    1     200000      1          200000         0        0        0
   * total    7     903334      3          383333         4   520001   130000 (130000.25)
   *
   * channel  orders  gross   cancelled  cancelled amount  net  revenue  average check
   * SITE       4     483333      3          383333         1   100000   100000
   * PHONE      2     350001      0               0         2   350001   175001 (175000.5)
   * EMAIL      1      70000      0               0         1    70000    70000
   * reasons: customer refused 2, no payment 1
   * </pre>
   */
  @Test
  void salesFiguresMatchTheHandComputedExample() {
    Order a = order(Channel.SITE, "2031-03-10T08:00:00Z", 100000, Map.of("RX-1", 2));
    Order b = order(Channel.PHONE, "2031-03-10T12:00:00Z", 250000, Map.of("RX-2", 1));
    Order c = order(Channel.SITE, "2031-03-10T20:30:00Z", 150000, Map.of("RX-1", 1, "RX-2", 1));
    Order d = order(Channel.EMAIL, "2031-03-10T21:30:00Z", 70000, Map.of("RX-3", 3));
    Order e = order(Channel.SITE, "2031-03-11T10:00:00Z", 33333, Map.of("RX-3", 1));
    Order f = order(Channel.PHONE, "2031-03-11T11:00:00Z", 100001, Map.of("RX-1", 1));
    deliverStreamTwice(); // created versions first, delivered twice
    move(a, OrderStatus.PAID, "paid");
    move(a, OrderStatus.READY_TO_SHIP, "paid");
    move(a, OrderStatus.SHIPPED, "shipped");
    move(b, OrderStatus.PAID, "paid");
    move(c, OrderStatus.CANCELLED, "Customer refused");
    move(e, OrderStatus.CANCELLED, "No payment");
    move(f, OrderStatus.PAID, "paid");
    move(f, OrderStatus.READY_TO_SHIP, "paid");
    move(f, OrderStatus.SHIPPED, "shipped");
    // G: first seen already cancelled (created and cancelled before the stream was read)
    Order g = order(Channel.SITE, "2031-03-13T09:00:00Z", 200000, Map.of("RX-2", 1));
    move(g, OrderStatus.CANCELLED, "customer  refused");
    deliverStreamTwice();
    assertEquals(dev.storeops.reporting.CountedState.ACTIVE, store.counted(d.id()));
    assertEquals(dev.storeops.reporting.CountedState.CANCELLED, store.counted(g.id()));

    SalesReport.Result byDay = reports(Instant.parse("2031-03-20T00:00:00Z")).sales("2031-03-10", "2031-03-13", "day");
    assertEquals(List.of(
        new SalesReport.Row("2031-03-10", 3, 1, 2, 500000, 150000, 350000, 175000),
        new SalesReport.Row("2031-03-11", 3, 1, 2, 203334, 33333, 170001, 85001),
        new SalesReport.Row("2031-03-12", 0, 0, 0, 0, 0, 0, 0),
        new SalesReport.Row("2031-03-13", 1, 1, 0, 200000, 200000, 0, 0)), byDay.rows());
    assertEquals(new SalesReport.Row("total", 7, 3, 4, 903334, 383333, 520001, 130000), byDay.total());
    assertEquals(Map.of("customer refused", 2L, "no payment", 1L), byDay.cancellationsByReason());

    SalesReport.Result byChannel = reports(Instant.parse("2031-03-20T00:00:00Z")).sales("2031-03-10", "2031-03-13", "channel");
    assertEquals(List.of(
        new SalesReport.Row("SITE", 4, 3, 1, 483333, 383333, 100000, 100000),
        new SalesReport.Row("PHONE", 2, 0, 2, 350001, 0, 350001, 175001),
        new SalesReport.Row("EMAIL", 1, 0, 1, 70000, 0, 70000, 70000)), byChannel.rows());
    assertEquals(byDay.total(), byChannel.total());
    assertEquals("""
        channel,orders,cancelled,net_orders,gross,cancelled_amount,revenue,average_check,cost,margin,margin_percent\r
        SITE,4,3,1,4833.33,3833.33,1000.00,1000.00,0.00,1000.00,100.0\r
        PHONE,2,0,2,3500.01,0.00,3500.01,1750.01,0.00,3500.01,100.0\r
        EMAIL,1,0,1,700.00,0.00,700.00,700.00,0.00,700.00,100.0\r
        total,7,3,4,9033.34,3833.33,5200.01,1300.00,0.00,5200.01,100.0\r
        """, SalesReport.csv(byChannel));

    // SKU quantities per shop day, net of cancellations: RX-1 on 03-10 = A 2 (+C 1 −C 1); 03-11 = F 1
    assertEquals(2, store.sold("RX-1", LocalDate.parse("2031-03-10"), LocalDate.parse("2031-03-10")));
    assertEquals(3, store.sold("RX-1", LocalDate.parse("2031-03-10"), LocalDate.parse("2031-03-13")));
    assertEquals(3, store.sold("RX-3", LocalDate.parse("2031-03-11"), LocalDate.parse("2031-03-11")));
  }

  @Test
  void aStreamRecordThatCannotBeCountedIsReportedAndLaterRecordsWait() {
    DynamodbEvent event = stream.event(List.of());
    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    // an order item without createdAt cannot be counted: its sequence number is reported, nothing after it runs
    Map<String, AttributeValue> broken = new HashMap<>(Map.of("pk", s("ORDER#ord_broken"), "sk", s("ORDER"),
        "id", s("ord_broken"), "status", s("NEW")));
    stack.dynamoDb().putItem(p -> p.tableName(table).item(broken));
    Order ok = order(Channel.SITE, "2031-04-01T09:00:00Z", 5000, Map.of("RX-9", 1));
    List<Record> records = stream.readNew();
    List<Record> mine = records.stream().filter(r -> {
      String pk = r.dynamodb().keys().get("pk").s();
      return pk.equals("ORDER#ord_broken") || pk.equals("ORDER#" + ok.id());
    }).toList();
    assertEquals(2, mine.size());
    StreamsEventResponse response = handler.handleRequest(stream.event(mine), null);
    assertEquals(List.of(mine.get(0).dynamodb().sequenceNumber()),
        response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(0, store.sold("RX-9", LocalDate.parse("2031-04-01"), LocalDate.parse("2031-04-01")));
    // the rest of the stream (as Lambda retries after the bad record is fixed or skipped) counts it
    handler.handleRequest(stream.event(mine.subList(1, 2)), null);
    assertEquals(1, store.sold("RX-9", LocalDate.parse("2031-04-01"), LocalDate.parse("2031-04-01")));
  }

  @Test
  void concurrentDeliveriesOfTheSameAndOtherOrdersOfOneDayCountEachOrderOnce() throws Exception {
    // 6 orders of 2031-08-01 (1 000,00 ₽ each, 1 × RX-C), each applied by 4 threads at once: 24 racing applications
    LocalDate day = LocalDate.parse("2031-08-01");
    List<dev.storeops.reporting.OrderFacts> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      orders.add(new dev.storeops.reporting.OrderFacts("ord_race" + i + UUID.randomUUID(), day, "SITE", 100000,
          List.of(new dev.storeops.reporting.OrderFacts.Line("RX-C", 1), new dev.storeops.reporting.OrderFacts.Line("RX-D", 1)),
          false, null));
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
      for (int copy = 0; copy < 4; copy++) {
        for (var o : orders) {
          runs.add(pool.submit(() -> store.apply(o)));
        }
      }
      for (var r : runs) {
        r.get();
      }
    }
    var figures = store.salesDays(day, day).get(0).total();
    assertEquals(new dev.storeops.reporting.SalesDay.Figures(6, 600000, 0, 0), figures);
    assertEquals(6, store.sold("RX-C", day, day));
    assertEquals(6L, store.boughtTogether("RX-C").get("RX-D"));
  }

  // ------------------------------------------------------------------ stock: purchase list, expiry

  private void stockItem(String sku, String warehouse, String supplier, long onHand, long reserved, String expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.stockKey(sku, warehouse));
    item.put("type", s("Stock"));
    item.put("sku", s(sku));
    item.put("warehouse", s(warehouse));
    item.put("onHand", dev.storeops.platform.dynamo.Items.n(onHand));
    item.put("reserved", dev.storeops.platform.dynamo.Items.n(reserved));
    item.put("available", dev.storeops.platform.dynamo.Items.n(Math.max(0, onHand - reserved)));
    item.put("supplierId", s(supplier));
    item.put("gsi1pk", s("SUPPLIER#" + supplier + "#" + warehouse));
    item.put("gsi1sk", s("SKU#" + sku));
    if (expiresAt != null) {
      item.put("expiresAt", s(expiresAt));
    }
    stack.dynamoDb().putItem(p -> p.tableName(table).item(item));
  }

  /**
   * The worked example (today 2031-06-01 in Moscow; window = the 30 days 2031-05-02 … 2031-05-31;
   * supplier lead time 10 days from its profile; cover 14 days):
   *
   * <pre>
   * sku  available        sold in window  rate/day  lasts    listed?             suggested = ceil(sold×24/30) − available
   * P1   20 (12 + 8)      60              2.00      10.0 d   yes (20×30 ≤ 60×10)  ceil(48)  − 20 = 28
   * P2    5               9               0.30      16.6 d   no  (150 > 90)
   * P3    0               1               0.03       0.0 d   yes (0 ≤ 10)         ceil(0.8) − 0  = 1
   * P4  100               0               -          -       no  (did not sell)
   * P5    3 (5 − 2 res.)  45              1.50       2.0 d   yes (90 ≤ 450)       ceil(36)  − 3  = 33
   * </pre>
   * Sold quantities come from orders: in the window P1 60, P2 9, P3 1, P5 45 (+10 in an order that was
   * cancelled: net 0); outside it P1 100 on 2031-04-30 (31 days ago) and P1 7 today — neither counts.
   */
  @Test
  void purchaseListMatchesTheWorkedExample() {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    String p = sup + "-P";
    stack.s3().putObject(o -> o.bucket(stack.bucketName("SupplierBucket")).key("profiles/" + sup + ".json"),
        RequestBody.fromString("{\"supplierId\":\"" + sup + "\",\"warehouse\":\"msk-1\",\"leadTimeDays\":10,"
            + "\"columns\":{\"sku\":[\"sku\"],\"quantity\":[\"qty\"]}}"));
    stockItem(p + "1", "msk-1", sup, 12, 0, null);
    stockItem(p + "1", "spb-1", sup, 8, 0, null);
    stockItem(p + "2", "msk-1", sup, 5, 0, null);
    stockItem(p + "3", "msk-1", sup, 0, 0, null);
    stockItem(p + "4", "msk-1", sup, 100, 0, null);
    stockItem(p + "5", "msk-1", sup, 5, 2, null);
    order(Channel.SITE, "2031-05-10T09:00:00Z", 1000, Map.of(p + "1", 60, p + "2", 9, p + "3", 1));
    order(Channel.PHONE, "2031-05-31T20:00:00Z", 1000, Map.of(p + "5", 45)); // 23:00 in Moscow: still 05-31
    Order cancelled = order(Channel.SITE, "2031-05-20T09:00:00Z", 1000, Map.of(p + "5", 10));
    move(cancelled, OrderStatus.CANCELLED, "no payment");
    order(Channel.SITE, "2031-04-30T09:00:00Z", 1000, Map.of(p + "1", 100));
    order(Channel.SITE, "2031-06-01T09:00:00Z", 1000, Map.of(p + "1", 7));
    deliverStreamTwice();

    ReportService reports = reports(Instant.parse("2031-06-01T10:00:00Z"));
    List<PurchasePlanner.PurchaseList> lists = reports.purchaseLists(sup, null);
    assertEquals(1, lists.size());
    PurchasePlanner.PurchaseList list = lists.get(0);
    assertEquals(10, list.leadTimeDays());
    assertEquals(14, list.coverDays());
    assertEquals(List.of(
        new PurchasePlanner.Line(p + "3", 0, 1, 0.03, 0.0, 1),
        new PurchasePlanner.Line(p + "5", 3, 45, 1.5, 2.0, 33),
        new PurchasePlanner.Line(p + "1", 20, 60, 2.0, 10.0, 28)), list.lines());
    // cover 30 days instead: P1 ceil(60×40/30) − 20 = 60
    assertEquals(60, reports.purchaseLists(sup, "30").get(0).lines().get(2).suggestedQty());

    // the weekly mail carries the list (and other suppliers' lists, if any have something to order)
    String queue = stack.queueUrl("EmailQueue");
    Map<String, Object> mailed = reports.mailPurchaseList(new SqsMailOutbox(stack.sqs(), queue), "buyer@example.com");
    assertEquals(true, mailed.get("mailed"));
    JsonNode intent = receiveIntent(queue, "purchase-list");
    assertEquals("buyer@example.com", intent.path("to").asText());
    assertEquals("purchase-list#2031-W22", intent.path("dedupeKey").asText());
    boolean found = false;
    for (JsonNode s : intent.path("data").path("suppliers")) {
      if (s.path("supplierId").asText().equals(sup)) {
        found = true;
        assertEquals(3, s.path("lines").size());
        assertEquals(p + "3", s.path("lines").get(0).path("sku").asText());
      }
    }
    assertTrue(found, intent.toString());
  }

  private JsonNode receiveIntent(String queue, String template) {
    for (int i = 0; i < 10; i++) {
      for (var m : stack.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        stack.sqs().deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle()));
        try {
          JsonNode node = Json.mapper().readTree(m.body());
          if (template.equals(node.path("template").asText())) {
            return node;
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no " + template + " mail intent on the queue");
  }

  @Test
  void expiringStockComesFromTheExpiryIndex() {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    String e = sup + "-E";
    // today 2032-01-10: E1 in 3 days, E2 in 20 days, E3 in 5 days but none on hand, E4 expired yesterday
    stockItem(e + "1", "msk-1", sup, 5, 1, "2032-01-13");
    stockItem(e + "2", "spb-1", sup, 9, 0, "2032-01-30");
    stockItem(e + "3", "msk-1", sup, 0, 0, "2032-01-15");
    stockItem(e + "4", "msk-1", sup, 2, 0, "2032-01-09");
    deliverStreamTwice();
    ReportService reports = reports(Instant.parse("2032-01-10T06:00:00Z"));
    assertEquals(List.of(new Expiring.Item(e + "1", "msk-1", "2032-01-13", 3, 4, 5, sup)), mine(reports.expiring(null), sup));
    assertEquals(List.of(new Expiring.Item(e + "1", "msk-1", "2032-01-13", 3, 4, 5, sup),
        new Expiring.Item(e + "2", "spb-1", "2032-01-30", 20, 9, 9, sup)), mine(reports.expiring("30"), sup));

    // a new delivery moves E1's date out of the window: the old index entry goes
    stockItem(e + "1", "msk-1", sup, 50, 1, "2032-03-01");
    deliverStreamTwice();
    assertEquals(List.of(), mine(reports.expiring(null), sup));
    assertEquals(1, store.expiring(LocalDate.parse("2032-03-01"), LocalDate.parse("2032-03-01")).stream()
        .filter(x -> x.sku().equals(e + "1")).count());
    assertEquals(0, store.expiring(LocalDate.parse("2032-01-13"), LocalDate.parse("2032-01-13")).stream()
        .filter(x -> x.sku().equals(e + "1")).count());

    // the daily mail: E2 within 14 days of 2032-01-20
    ReportService later = reports(Instant.parse("2032-01-20T06:00:00Z"));
    String queue = stack.queueUrl("EmailQueue");
    assertEquals(true, later.mailExpiring(new SqsMailOutbox(stack.sqs(), queue), "buyer@example.com").get("mailed"));
    JsonNode intent = receiveIntent(queue, "expiring-stock");
    assertEquals("expiring-stock#2032-01-20", intent.path("dedupeKey").asText());
    assertEquals("STAFF", intent.path("category").asText());
    boolean found = false;
    for (JsonNode i : intent.path("data").path("items")) {
      found |= i.path("sku").asText().equals(e + "2") && i.path("daysLeft").asInt() == 10;
    }
    assertTrue(found, intent.toString());
  }

  private static List<Expiring.Item> mine(ReportService.ExpiringReport report, String supplier) {
    return report.items().stream().filter(i -> supplier.equals(i.supplierId())).toList();
  }
}
