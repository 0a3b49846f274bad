package dev.storeops.it;

import dev.storeops.platform.dynamo.TableKeys;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.staff.TaskService;
import dev.storeops.stack.AwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Orders, stock, customers and a manager on the AWS stack, and the payment rules wired to them with a movable clock. */
final class FlowWorld {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  final AwsStack stack;
  final String table;
  final MovableClock clock = new MovableClock(T0);
  final List<MailIntent> mail = new CopyOnWriteArrayList<>();
  final FlowComponents c;
  final String manager = unique("mgr");

  /** Records the mail intents the rules produce (the MailOutbox contract; the queue path is tested by email). */
  private final MailOutbox outbox = intents -> mail.addAll(intents);

  FlowWorld(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.c = FlowComponents.build(stack.dynamoDb(), table, outbox, FlowSettings.defaults(), clock,
        "https://shop.example.com", new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT,
            Duration.ofHours(1), "lead@example.com"));
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("MANAGER#" + manager), "sk", s("MANAGER"),
        "type", s("Manager"), "id", s(manager), "name", s("Irina"), "email", s(manager + "@example.com"),
        "onShift", AttributeValue.fromBool(false), "openOrders", Items.n(5))));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  String stock(int onHand) {
    String sku = unique("SKU").toUpperCase();
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
        "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "onHand", Items.n(onHand),
        "reserved", Items.n(0), "available", Items.n(onHand))));
    return sku;
  }

  /** {reserved, available} of a SKU in msk-1. */
  long[] stockOf(String sku) {
    var item = stack.dynamoDb().getItem(b -> b.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
    return new long[] {Items.num(item, "reserved", -1), Items.num(item, "available", -1)};
  }

  long openOrdersOfManager() {
    return Items.num(stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(Map.of("pk", s("MANAGER#" + manager), "sk", s("MANAGER"))).consistentRead(true)).item(), "openOrders", -1);
  }

  /** A stored order of a new customer reserving {@code qty} of {@code sku}, created at the clock's now. */
  Order order(PaymentMethod method, String sku, int qty) {
    return order(method, sku, qty, manager);
  }

  /** As {@link #order(PaymentMethod, String, int)}, with the given manager ({@code null}: not assigned yet). */
  Order order(PaymentMethod method, String sku, int qty, String managerId) {
    return order(method, sku, qty, managerId, "msk-1");
  }

  /** As {@link #order(PaymentMethod, String, int, String)}, holding the units in {@code warehouse}. */
  Order order(PaymentMethod method, String sku, int qty, String managerId, String warehouse) {
    Instant now = clock.instant();
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", "+79990000000", null, false, null, "en", now, manager));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    long total = 1200L * qty;
    Order order = new Order(id, "261123-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", List.of(new OrderLine(sku, "Tea", qty, 1200, total)), total, 0, total, "RUB", null,
        method, OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, now, "customer"), managerId, null,
        "hash", List.of(new Reservation(sku, warehouse, qty)), now, now);
    new DynamoOrderStore(stack.dynamoDb(), table).create(order, new IdempotencyRecord(unique("idem"), "h", id, "sealed",
        now, now.plus(Duration.ofDays(1))));
    return order;
  }

  long mailCount(String template, String orderId) {
    return mail.stream().filter(m -> m.template().equals(template) && m.dedupeKey().endsWith(orderId)).count();
  }
}
