package dev.storeops.reportsstream;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderMutations;
import dev.storeops.fulfilment.ReceiveReturnedParcel;
import dev.storeops.fulfilment.RefundNotice;
import dev.storeops.fulfilment.RefundRoutePolicy;
import dev.storeops.fulfilment.RefusalPolicy;
import dev.storeops.fulfilment.RefuseParcel;
import dev.storeops.fulfilment.RegisterReturn;
import dev.storeops.fulfilment.HandRefundPolicy;
import dev.storeops.fulfilment.RecordHandRefund;
import dev.storeops.fulfilment.ReturnPolicy;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.reporting.CashReport;
import dev.storeops.reporting.ProductReport;
import dev.storeops.reporting.ProfitAndLoss;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoExpenses;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.s3.S3SupplierTerms;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Refused parcels and returns in the reports (docs/returns.md), through the real use cases and the
 * table's stream delivered twice: a refused cash-on-delivery parcel is no sale and brings no cash; a
 * partial return takes its money and cost off the order's day, channel and products and sends its
 * refund out on its day — each once.
 *
 * <pre>
 * order  channel  created (UTC)      lines (price, cost)                    what happens
 * R      PHONE    2034-02-10 09:00   2 × RT-A (1000.00, 400.00)             COD, shipped, refused, back
 * D      SITE     2034-02-10 10:00   3 × RT-A (1000.00, 400.00), 1 × RT-B   COD, delivered 02-10; on 02-12 returns
 *                                    (500.00, 200.00)                       1 × RT-A (restock) + 1 × RT-B (write-off)
 *
 * day 02-10: orders 2, gross 200000 + 350000, cancelled 1 (R, "parcel refused") 200000,
 *            returns 1, returned 150000, revenue 550000 − 200000 − 150000 = 200000,
 *            cost 80000 + 140000 − 80000 (R) − 60000 (returned) = 80000, margin 120000
 * cash: in 350000 on 02-10 (D delivered; R never), refunds 150000 on 02-12
 * products 02-10: RT-A units 3 + 2 − 2 − 1 = 2, revenue 200000; RT-B units 0, revenue 0
 * </pre>
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsReportTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant RETURN_DAY = Instant.parse("2034-02-12T09:00:00Z");
  private AwsStack stack;
  private ReportsStreamHandler handler;
  private String table;
  private TableStream stream;
  private DynamoReportStore store;
  private OrderMutations mutations;
  private FlowComponents flow;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("ReportsStreamFunction", ReportsStreamHandler.class);
    this.table = stack.tableName("StoreTable");
    this.stream = new TableStream(stack);
    this.store = new DynamoReportStore(stack.dynamoDb(), table);
    MailOutbox noMail = intents -> { };
    this.flow = FlowComponents.build(stack.dynamoDb(), table, noMail, FlowSettings.defaults(),
        Clock.fixed(RETURN_DAY, ZoneOffset.UTC), "https://shop.example.com", FlowComponents.noEscalation());
    this.mutations = new OrderMutations(flow.store());
  }

  @AfterAll
  void tearDown() {
    stream.close();
  }

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

  private static OrderLine line(String sku, int qty, long price, long cost) {
    return new OrderLine(sku, sku, qty, price, price * qty).withCosts(List.of(new OrderLine.Cost("msk-1", qty, cost)));
  }

  /** A cash-on-delivery order moved to {@code to} (through SHIPPED), saved as the order store writes it. */
  private Order codOrder(String id, Channel channel, String createdAt, List<OrderLine> lines, OrderStatus to) {
    Instant at = Instant.parse(createdAt);
    long total = lines.stream().mapToLong(OrderLine::lineTotalMinor).sum();
    Order o = new Order(id, id.substring(4), "cus_ret", channel, "customer", lines, total, 0, total, "RUB",
        new Delivery("PICKUP", DeliveryMethod.PICKUP, null, "Москва", null, "msk-1", 0),
        PaymentMethod.CASH_ON_DELIVERY, OrderStatus.NEW, OrderLifecycle.created(PaymentMethod.CASH_ON_DELIVERY, at,
            "customer"), null, null, "x",
        lines.stream().map(l -> new Reservation(l.sku(), "msk-1", l.qty())).toList(), at, at);
    Instant step = at;
    for (OrderStatus s : List.of(OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED,
        OrderStatus.DELIVERED)) {
      step = step.plusSeconds(600);
      o = OrderLifecycle.transition(o, s, step, "mgr-test", "test");
      if (s == to) {
        break;
      }
    }
    Order saved = o;
    stack.dynamoDb().putItem(p -> p.tableName(table).item(DynamoOrderStore.toItem(saved)));
    return saved;
  }

  private long onHand(String sku) {
    var item = stack.dynamoDb().getItem(g -> g.tableName(table)
        .key(dev.storeops.platform.dynamo.TableKeys.stockKey(sku, "msk-1")).consistentRead(true)).item();
    return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("onHand").n());
  }

  @Test
  void aRefusedParcelIsNoSaleAndAReturnTakesItsMoneyAndCostOffOnce() {
    for (String sku : List.of("RT-A", "RT-B")) {
      stack.dynamoDb().putItem(p -> p.tableName(table).item(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
          "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "onHand", dev.storeops.platform.dynamo.Items.n(10),
          "reserved", dev.storeops.platform.dynamo.Items.n(0), "available", dev.storeops.platform.dynamo.Items.n(10))));
    }
    Order r = codOrder("ord_ret-refused-1", Channel.PHONE, "2034-02-10T09:00:00Z",
        List.of(line("RT-A", 2, 100000, 40000)), OrderStatus.SHIPPED);
    Order d = codOrder("ord_ret-delivrd-1", Channel.SITE, "2034-02-10T10:00:00Z",
        List.of(line("RT-A", 3, 100000, 40000), line("RT-B", 1, 50000, 20000)), OrderStatus.DELIVERED);
    deliverStreamTwice(); // counted as sales first

    Clock clock = Clock.fixed(RETURN_DAY, ZoneOffset.UTC);
    new RefuseParcel(mutations, new RefusalPolicy()).refuse(r.id(), RefusalPolicy.Reason.REFUSED, "carrier:cdek",
        Instant.parse("2034-02-11T12:00:00Z"));
    new ReceiveReturnedParcel(mutations, new RefusalPolicy(), flow.tasks(), clock).receive(r.id(), "wh-1");
    RegisterReturn returns = new RegisterReturn(mutations, new ReturnPolicy(), new RefundRoutePolicy(), null,
        flow.tasks(), RefundNotice.NONE, clock);
    ReturnPolicy.Request request = new ReturnPolicy.Request(List.of(new ReturnPolicy.Line("RT-A", 1, "restock"),
        new ReturnPolicy.Line("RT-B", 1, "writeOff")), "defective");
    var ret = returns.register(d.id(), "wh-1", request, "report-return-1").returned();
    assertEquals(150000L, ((Number) ret.get("amountMinor")).longValue());
    returns.register(d.id(), "wh-1", request, "report-return-1"); // a repeat changes nothing
    assertEquals(10 + 2 + 1, onHand("RT-A")); // the test rows were not consumed: only the restocks count here
    assertEquals(10, onHand("RT-B"));
    deliverStreamTwice();

    ReportService reports = new ReportService(store, new S3SupplierTerms(stack.s3(), stack.bucketName("SupplierBucket")),
        Clock.fixed(Instant.parse("2034-02-20T00:00:00Z"), ZoneOffset.UTC), MSK, PurchasePlanner.DEFAULT_COVER_DAYS);
    SalesReport.Result sales = reports.sales("2034-02-10", "2034-02-10", "day");
    SalesReport.Row day = sales.total();
    assertEquals(2, day.orders());
    assertEquals(550000, day.grossMinor());
    assertEquals(1, day.cancelled());
    assertEquals(200000, day.cancelledMinor());
    assertEquals(1, day.returns());
    assertEquals(150000, day.returnedMinor());
    assertEquals(200000, day.revenueMinor());
    assertEquals(80000, day.costMinor());
    assertEquals(120000, day.marginMinor());
    assertEquals(Map.of("parcel refused", 1L), sales.cancellationsByReason());
    SalesReport.Result byChannel = reports.sales("2034-02-10", "2034-02-10", "channel");
    SalesReport.Row site = byChannel.rows().stream().filter(x -> x.key().equals("SITE")).findFirst().orElseThrow();
    assertEquals(1, site.returns());
    assertEquals(200000, site.revenueMinor());

    ProductReport.Result products = reports.products("2034-02-10", "2034-02-10", "day");
    ProductReport.Row a = products.rows().stream().filter(x -> x.sku().equals("RT-A")).findFirst().orElseThrow();
    assertEquals(2, a.units());
    assertEquals(200000, a.revenueMinor());
    assertEquals(80000, a.costMinor());
    assertTrue(products.rows().stream().filter(x -> x.sku().equals("RT-B")).allMatch(x -> x.units() == 0));
    assertEquals(2, store.sold("RT-A", java.time.LocalDate.parse("2034-02-10"), java.time.LocalDate.parse("2034-02-10")));

    DynamoExpenses noExpenses = new DynamoExpenses(stack.dynamoDb(), table);
    CashReport.Result cash = reports.cash("2034-02-10", "2034-02-12", noExpenses);
    assertEquals(350000, cash.total().inMinor()); // the refused COD parcel never brought cash
    assertEquals(150000, cash.total().refundsMinor());
    assertEquals(150000, cash.rows().get(2).refundsMinor()); // on the return's day
    ProfitAndLoss.Result pnl = reports.profitAndLoss("2034-02", noExpenses);
    assertEquals(200000, pnl.revenueMinor());
    assertEquals(80000, pnl.costOfGoodsMinor());

    // the owner refunds by hand and completes the task (twice): the return's refund is made, counted once
    String taskId = (String) ((Map<?, ?>) ret.get("refund")).get("taskId");
    assertEquals("refund_" + d.id() + "_1", taskId);
    RecordHandRefund hand = new RecordHandRefund(mutations, new HandRefundPolicy(), RefundNotice.NONE, clock);
    var done = flow.tasks().complete(taskId, "owner-anna", "paid back by bank transfer");
    assertTrue(hand.taskDone(done).isPresent());
    assertTrue(hand.taskDone(flow.tasks().complete(taskId, "owner-anna", "again")).isEmpty(), "a repeat marks nothing");
    Map<?, ?> refund = (Map<?, ?>) mutations.mutate(d.id(), f -> null).file().returns().get(0).get("refund");
    assertEquals("made", refund.get("status"));
    assertEquals(150000L, ((Number) refund.get("madeMinor")).longValue());
    assertEquals("owner-anna", refund.get("madeBy"));
    assertEquals(RETURN_DAY.toString(), refund.get("madeAt"));
    deliverStreamTwice();
    CashReport.Result after = reports.cash("2034-02-10", "2034-02-12", noExpenses);
    assertEquals(150000, after.total().refundsMinor(), "the hand refund made is the return's refund: counted once");
    assertEquals(200000, reports.sales("2034-02-10", "2034-02-10", "day").total().revenueMinor());
  }
}
