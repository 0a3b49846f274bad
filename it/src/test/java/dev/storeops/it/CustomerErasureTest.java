package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.ManageCatalog;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerErasure;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.EraseCustomer;
import dev.storeops.customers.ErasedReferences;
import dev.storeops.customers.ExportCustomerData;
import dev.storeops.customers.PersonalData;
import dev.storeops.customers.dynamo.DynamoCustomerErasures;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.OrderMails;
import dev.storeops.messaging.WelcomeMail;
import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.dynamo.DynamoMailPersonalData;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.flows.OrderMailFlowsStep;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.messaging.ses.SesMailSender;
import dev.storeops.ordering.CartService;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.dynamo.DynamoOrderPersonalData;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.json.Json;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.ReportsStreamService;
import dev.storeops.reporting.s3.S3SupplierTerms;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.dynamo.DynamoTaskPersonalData;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export and erasure of a customer end to end on the AWS stack (docs/privacy.md): the customer
 * registers, orders twice through the order service (one delivered after a phone confirmation, one
 * refused on the phone), gets mail through the real sender (SES emulator), has a cart, tasks, mail
 * flows, a category-buyer entry and a review request. The export holds all of it; after the erasure a
 * scan of the whole table finds neither the e-mail, the phone, the name nor the address anywhere, the
 * orders are still there with their totals, the sales figures are the same, and the address gets no mail.
 */
@WithAwsStack
class CustomerErasureTest {
  private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Moscow");
  private AwsStack stack;
  private String table;
  private MovableClock clock;
  private final List<MailIntent> outbox = new CopyOnWriteArrayList<>();
  private OrderComponents orders;
  private FlowComponents flow;
  private EmailService email;
  private ReportsStreamService stream;
  private ReportService reports;
  private ExportCustomerData export;
  private EraseCustomer erase;
  private String sku;
  private String suffix;

  @BeforeEach
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    // a day of its own, so the sales figures compared are this test's
    this.clock = new MovableClock(Instant.parse("2031-03-" + (10 + ThreadLocalRandom.current().nextInt(15)) + "T07:00:00Z"));
    this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    var dynamo = stack.dynamoDb();
    orders = OrderComponents.build(dynamo, stack.sqs(), table, stack.queueUrl("OrderEventsQueue"), OrderLimits.defaults(),
        "ru", clock, WelcomeMail.onRegistered(outbox::addAll));
    flow = FlowComponents.build(dynamo, table, outbox::addAll, FlowSettings.defaults(), clock, "https://shop.example.com",
        FlowComponents.noEscalation());
    Env senderEnv = stack.functionEnv("EmailSenderFunction");
    email = new EmailService(new MailTemplates(), MailPolicy.from(senderEnv), orders.customerStore()::find,
        new DynamoSuppressionList(dynamo, table), new DynamoSendLog(dynamo, table), new DynamoFrequencyCap(dynamo, table),
        new DynamoMailFigures(dynamo, table), new SesMailSender(stack.ses()),
        new UnsubscribeTokens(senderEnv.required("UNSUBSCRIBE_SECRET")),
        new EmailService.Settings(senderEnv.required("SENDER_EMAIL"), null, senderEnv.required("UNSUBSCRIBE_URL"),
            senderEnv.required("PUBLIC_BASE_URL"), SHOP_ZONE, UnsubscribeTokens.DEFAULT_VALIDITY,
            senderEnv.required("CONSENT_CONFIRM_URL")), clock);
    DynamoReportStore reportStore = new DynamoReportStore(dynamo, table);
    stream = new ReportsStreamService(reportStore, SHOP_ZONE);
    reports = new ReportService(reportStore, new S3SupplierTerms(stack.s3(), stack.bucketName("SupplierBucket")), clock,
        SHOP_ZONE, 14);
    List<PersonalData> holders = List.of(new DynamoOrderPersonalData(dynamo, table),
        new DynamoMailPersonalData(dynamo, table, clock), new DynamoTaskPersonalData(dynamo, table),
        new dev.storeops.customers.dynamo.DynamoContactHistory(dynamo, table));
    export = new ExportCustomerData(orders.customerStore(), holders, clock);
    erase = new EraseCustomer(orders.customerStore(), new DynamoCustomerErasures(dynamo, table), holders, clock);

    ManageCatalog catalog = new ManageCatalog(orders.catalog(), clock);
    String warehouse = "er-msk-" + suffix;
    catalog.putWarehouse(warehouse, new ManageCatalog.WarehouseRequest("Склад стирания", "Москва"));
    sku = "ER-" + suffix.toUpperCase(Locale.ROOT);
    catalog.putProduct(sku, new ManageCatalog.ProductRequest("Чай для стирания", 150000L, 200, 150, 100, 80, "Чай",
        List.of(), List.of()));
    catalog.setStock(sku, warehouse, new ManageCatalog.StockRequest(50L));
  }

  /** The customer's personal data, unique to this run so that a scan finds only ours. */
  private record Person(String email, String name, String phone, String address) {}

  private Person person() {
    String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    return new Person("Erika.Zabyt-" + suffix + "@Example.com", "Эрика Забытова" + suffix, "+7903" + digits,
        "ул. Стёртая-" + suffix + ", д. 7, кв. 12");
  }

  private final Map<String, String> accessTokens = new java.util.HashMap<>();

  /** A customer who ticked marketing consent and confirmed it by the double opt-in link. */
  private Customer register(Person p) {
    var registered = orders.customers().register(
        new CustomerRegistration(p.email(), p.name(), p.phone(), "1990-05-17", true, "ru"), "POST /customers", "req-1");
    String linkHash = dev.storeops.platform.ids.TokenHash.of(registered.consentToken());
    orders.customerStore().confirmConsent(linkHash, new dev.storeops.customers.ConsentEvent(
        dev.storeops.customers.ConsentEvent.Kind.CONFIRMED, java.time.Instant.now(), "confirmation-link", "req-2",
        dev.storeops.customers.CustomerService.linkId(linkHash)));
    accessTokens.put(registered.customer().id(), registered.accessToken());
    return orders.customerStore().find(registered.customer().id()).orElseThrow();
  }

  private Order place(Person p) {
    OrderRequest request = new OrderRequest(null, new OrderRequest.ContactRequest(p.email(), p.name(), p.phone(), "ru", null),
        List.of(new OrderRequest.LineRequest(sku, 2)), new OrderRequest.DeliveryRequest("COURIER", "Москва", p.address(), null),
        "CASH_ON_DELIVERY", "SITE", null);
    OrderService.Placed placed = orders.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
    Customer customer = orders.customerStore().find(placed.order().customerId()).orElseThrow();
    // what order-events does after an order: confirmation mail, follow-ups, mail flows
    outbox.add(new OrderMails("https://shop.example.com").confirmation(placed.order(), customer, placed.accessToken()));
    flow.flow().orderPlaced(placed.order().id());
    new OrderMailFlowsStep(orders.orders(), new DynamoMailFlows(stack.dynamoDb(), table, clock), orders.catalog(),
        new DynamoOrderSegments(stack.dynamoDb(), table)).orderCreated(placed.order().id());
    return placed.order();
  }

  /** Sends what the outbox holds through the real sender; the outcomes by dedupe key. */
  private Map<String, EmailService.Outcome> sendMail() {
    Map<String, EmailService.Outcome> outcomes = new LinkedHashMap<>();
    List<MailIntent> intents = new ArrayList<>(outbox);
    outbox.clear();
    intents.forEach(i -> outcomes.put(i.dedupeKey(), email.handle(i, 1, 3)));
    return outcomes;
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).key(TableKeys.primaryKey(pk, sk)).consistentRead(true)).item();
  }

  private SalesReport.Result sales() {
    String day = clock.instant().atZone(SHOP_ZONE).toLocalDate().toString();
    return reports.sales(day, day, "channel");
  }

  /** Every item of the table, serialized as JSON text (lower case), by its key. */
  private Map<String, String> scanTable() {
    Map<String, String> items = new HashMap<>();
    stack.dynamoDb().scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(item -> {
      Map<String, Object> plain = new LinkedHashMap<>();
      item.forEach((k, v) -> plain.put(k, Attr.java(v)));
      items.put(item.get("pk").s() + " / " + item.get("sk").s(), Json.write(plain).toLowerCase(Locale.ROOT));
    });
    return items;
  }

  @Test
  void exportHoldsEverythingAndErasureLeavesNothingPersonalButKeepsTheBooks() {
    Person p = person();
    Customer customer = register(p);
    Order delivered = place(p);
    Order refused = place(p);
    assertEquals(customer.id(), delivered.customerId());

    // the delivered order: confirmed on the phone, shipped, delivered, review request due
    flow.flow().logCall(delivered.id(), "mgr-olga", "call-" + suffix + "-1", new LogCall.Request("CONFIRMED", null));
    flow.flow().ship(delivered.id(), "mgr-olga", new ShipOrder.Request("CDEK", "TRK" + suffix));
    var deliveredFile = flow.flow().deliver(delivered.id(), "mgr-olga");
    new DynamoReviewRequests(stack.dynamoDb(), table).scheduleAfterDelivery(delivered.id(), customer.id(),
        deliveredFile.order().updatedAt());
    // the refused one: the manager notes the customer's own words, with name and phone
    flow.flow().logCall(refused.id(), "mgr-olga", "call-" + suffix + "-2",
        new LogCall.Request("REFUSED", p.name() + " передумала, перезвонить на " + p.phone()));
    // a task about the customer, done with a comment naming them
    StaffTask task = flow.tasks().open("callback-" + suffix, "callback", "Call back", refused.id(), customer.id(),
        "mgr-olga", Duration.ofHours(2), "mgr-olga");
    flow.tasks().complete(task.id(), "mgr-olga", "Говорила с " + p.name() + ", адрес " + p.address());
    // a marketing mail and a cart left open
    outbox.add(new MailIntent("campaign:cmp_er#" + customer.id(), "campaign", MailIntent.Category.MARKETING,
        customer.id(), customer.email(), null, "campaign:cmp_er", Map.of("subject", "Весна", "body", "Скидки")));
    orders.cartService().put("cart-" + suffix, new CartService.CartRequest(customer.id(),
        List.of(new OrderRequest.LineRequest(sku, 1))), null, accessTokens.get(customer.id()));
    Map<String, EmailService.Outcome> mailed = sendMail();
    assertTrue(mailed.size() >= 4, mailed.toString());   // welcome, 2 confirmations, cancellation, campaign
    mailed.forEach((key, outcome) -> assertEquals(EmailService.Kind.SENT, outcome.kind(), key + " " + outcome));

    // the stream counts both orders (as reports-stream would), then the figures of the day
    Map<String, Map<String, AttributeValue>> before = new LinkedHashMap<>();
    for (Order o : List.of(delivered, refused)) {
      before.put(o.id(), item(TableKeys.ORDER.key(o.id()), "ORDER"));
      stream.apply(null, before.get(o.id()));
    }
    SalesReport.Result figures = sales();
    assertEquals(2, figures.total().orders(), figures.toString());

    // export: profile, consent, orders with calls, mails, cart, tasks, flows
    Map<String, Object> data = export.export(customer.id(), "owner-1");
    String exported = Json.write(data);
    assertEquals(customer, data.get("profile"));
    assertEquals(true, ((Map<?, ?>) data.get("consent")).get("marketingConsent"));
    assertEquals(2, ((List<?>) data.get("orders")).size());
    assertTrue(exported.contains(p.address()) && exported.contains("передумала"), "orders with address and calls");
    List<?> mails = (List<?>) data.get("mails");
    assertEquals(mailed.size(), mails.size(), exported);
    assertTrue(exported.contains("welcome#" + customer.id()) && exported.contains("campaign:cmp_er#" + customer.id()));
    assertEquals(1, ((List<?>) data.get("carts")).size());
    assertTrue(((List<?>) data.get("tasks")).size() >= 2, "confirm-by-phone and the callback: " + data.get("tasks"));
    assertTrue(exported.contains("Говорила с"));
    assertFalse(((List<?>) data.get("mailFlows")).isEmpty(), "reorder/reactivation state and the cap");
    assertEquals(1, ((List<?>) data.get("categoriesBought")).size());
    assertEquals(1, ((List<?>) data.get("reviewRequests")).size());
    assertFalse(exported.contains("accessTokenHash"));

    // erase
    CustomerErasure erased = erase.erase(customer.id(), "owner-1");
    String reference = ErasedReferences.reference(customer.id());
    assertEquals(reference, erased.reference());
    assertEquals(2, erased.items().get("orders"));
    assertEquals(mailed.size(), erased.items().get("mailLog"));
    assertEquals(1, erased.items().get("carts"));
    assertTrue(erased.items().get("historyEntries") >= mailed.size(), "the history entries go: " + erased.items());

    // nothing personal anywhere in the table
    Map<String, String> table = scanTable();
    String digits = p.phone().substring(2);
    for (var e : table.entrySet()) {
      String text = e.getValue();
      for (String personal : List.of(p.email().toLowerCase(Locale.ROOT), digits, p.name().toLowerCase(Locale.ROOT),
          "забытова" + suffix, "стёртая-" + suffix)) {
        assertFalse(text.contains(personal), "'" + personal + "' is still in " + e.getKey() + ": " + text);
      }
      if (text.contains(customer.id().toLowerCase(Locale.ROOT))) {
        assertEquals(TableKeys.CUSTOMER.key(customer.id()) + " / ERASED", e.getKey(), "only the erasure record names the id");
      }
    }
    assertTrue(table.keySet().stream().noneMatch(k -> k.startsWith("EMAIL#" + p.email().toLowerCase(Locale.ROOT))));

    // the orders stay for the books, anonymised
    for (Order o : List.of(delivered, refused)) {
      Order kept = DynamoOrderStore.fromItem(item(TableKeys.ORDER.key(o.id()), "ORDER"));
      assertEquals(reference, kept.customerId());
      assertEquals(o.totalMinor(), kept.totalMinor());
      assertEquals(o.lines(), kept.lines());
      assertEquals("Москва", kept.delivery().city());
      assertEquals(null, kept.delivery().address());
    }
    assertEquals(OrderStatus.DELIVERED, DynamoOrderStore.fromItem(item(TableKeys.ORDER.key(delivered.id()), "ORDER")).status());
    assertEquals(List.of(delivered.id(), refused.id()).stream().sorted().toList(),
        orders.orders().ordersOfCustomer(reference).stream().map(Order::id).sorted().toList());

    // the stream sees the rewritten orders: the figures do not move
    for (Order o : List.of(delivered, refused)) {
      assertEquals(ReportsStreamService.Outcome.UNCHANGED,
          stream.apply(before.get(o.id()), item(TableKeys.ORDER.key(o.id()), "ORDER")));
    }
    assertEquals(figures, sales());

    // the address gets no mail again (any case), though only its hash is kept
    int sentBefore = stack.sentMail().size();
    EmailService.Outcome later = email.handle(new MailIntent("order-confirmation#later-" + suffix, "welcome",
        MailIntent.Category.TRANSACTIONAL, null, p.email().toUpperCase(Locale.ROOT), "ru", null,
        Map.of("customerName", "x")), 1, 3);
    assertEquals(EmailService.Kind.SKIPPED, later.kind());
    assertEquals(MailPolicy.SkipReason.SUPPRESSED.name(), later.detail());
    assertEquals(sentBefore, stack.sentMail().size());
    // a late bounce for the address (ses-events) does not put it back on the list in clear
    DynamoSuppressionList suppression = new DynamoSuppressionList(stack.dynamoDb(), this.table);
    assertFalse(suppression.suppress(p.email(), "bounce:Permanent/General", clock.instant(), "ses-late"));
    assertTrue(item(TableKeys.SUPPRESSED.key(p.email().toLowerCase(Locale.ROOT)), "SUPPRESSED").isEmpty());
    assertTrue(suppression.isSuppressed(p.email()));

    // a second erasure: the same record; the export: nothing left
    assertEquals(erased, erase.erase(customer.id(), "owner-2"));
    assertThrows(NotFound.class, () -> export.export(customer.id(), "owner-1"));
    // the address is free again: a new registration is a new customer (and still suppressed)
    Customer again = register(p);
    assertTrue(!again.id().equals(customer.id()));
    assertNotNull(orders.customerStore().findIdByEmail(p.email()).orElse(null));
  }

  @Test
  void anOrderInProgressBlocksTheErasure() {
    Person p = person();
    Customer customer = register(p);
    Order open = place(p);
    sendMail();
    Conflict blocked = assertThrows(Conflict.class, () -> erase.erase(customer.id(), "owner-1"));
    assertEquals("erasure-blocked", blocked.code());
    assertTrue(blocked.errors().get(0).message().contains(open.number()), blocked.errors().toString());
    assertTrue(orders.customerStore().find(customer.id()).isPresent());
    assertEquals(customer.id(), orders.orders().find(open.id()).orElseThrow().customerId());
    assertTrue(scanTable().values().stream().anyMatch(t -> t.contains(p.email().toLowerCase(Locale.ROOT))));
  }
}
