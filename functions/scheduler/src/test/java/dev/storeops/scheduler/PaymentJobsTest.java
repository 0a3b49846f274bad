package dev.storeops.scheduler;

import dev.storeops.platform.dynamo.TableKeys;
import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.staff.StaffTask;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduler's payment-timeouts and task-escalation jobs, dispatched by Input, with a clock the test moves. */
@WithAwsStack
class PaymentJobsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");


  private static Map<String, Object> run(SchedulerHandler handler, String job) {
    return handler.handleRequest(Map.of("job", job), null);
  }

  private static FlowComponents components(AwsStack stack, Clock clock) {
    MailOutbox none = intents -> { };
    return FlowComponents.build(stack.dynamoDb(), stack.tableName("StoreTable"), none, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation());
  }

  @Test
  void paymentTimeoutsJobRemindsThenCancelsAndEachRunReplayedChangesNothing(AwsStack stack) {
    MovableClock clock = new MovableClock(T0);
    String table = stack.tableName("StoreTable");
    SchedulerHandler handler = new SchedulerHandler(stack.functionEnv("SchedulerFunction"), clock);
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
        "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "onHand", Items.n(7), "reserved", Items.n(0),
        "available", Items.n(7))));
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", null, null, false, null, "ru", T0, null));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    PaymentMethod method = PaymentMethod.BANK_TRANSFER;
    Order o = new Order(id, "261120-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", List.of(new OrderLine(sku, "Tea", 7, 100_00, 700_00)), 700_00, 0, 700_00, "RUB", null,
        method, OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, T0, "customer"), null, null, "hash",
        List.of(new Reservation(sku, "msk-1", 7)), T0, T0);
    new DynamoOrderStore(stack.dynamoDb(), table).create(o, new IdempotencyRecord("k-" + id, "h", id, "s", T0,
        T0.plus(Duration.ofDays(1))));
    OrderFlow flow = components(stack, clock).flow();
    flow.orderPlaced(id);

    clock.advance(Duration.ofHours(72).plusMinutes(15));
    Map<String, Object> first = run(handler, PaymentJobs.PAYMENT_TIMEOUTS);
    run(handler, PaymentJobs.PAYMENT_TIMEOUTS);
    OrderFile reminded = flow.get(id);
    assertEquals(OrderFlow.STAGE_CANCEL, reminded.paymentStage());
    assertEquals(2, reminded.rev());
    assertEquals(StaffTask.Status.OPEN, components(stack, clock).taskStore().find("call-about-payment_" + id)
        .orElseThrow().status());
    assertEquals(0, (int) first.get("failed"));

    clock.advance(Duration.ofHours(48).plusMinutes(15));
    run(handler, PaymentJobs.PAYMENT_TIMEOUTS);
    OrderFile cancelled = flow.get(id);
    run(handler, PaymentJobs.PAYMENT_TIMEOUTS);
    assertEquals(OrderStatus.CANCELLED, cancelled.order().status());
    assertEquals(cancelled.rev(), flow.get(id).rev());
    var stock = stack.dynamoDb().getItem(b -> b.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
        .consistentRead(true)).item();
    assertEquals("0", stock.get("reserved").n());
    assertEquals("7", stock.get("available").n());
  }

  @Test
  void overdueTaskIsReassignedOnceToAnotherOnShiftManager(AwsStack stack) {
    MovableClock clock = new MovableClock(T0.plus(Duration.ofDays(1)));
    String table = stack.tableName("StoreTable");
    String other = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("MANAGER#" + other), "sk", s("MANAGER"),
        "type", s("Manager"), "id", s(other), "name", s("Oleg"), "email", s(other + "@example.com"),
        "onShift", AttributeValue.fromBool(true), "openOrders", Items.n(0), "gsi1pk", s("MANAGERS"),
        "gsi1sk", s(other))));
    SchedulerHandler handler = new SchedulerHandler(stack.functionEnv("SchedulerFunction"), clock);
    String owner = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    String taskId = "t-" + UUID.randomUUID();
    components(stack, clock).tasks().open(taskId, "confirm-by-phone", "Confirm by phone", "ord_1", null, owner,
        Duration.ofMinutes(30), "rule:test");
    clock.advance(Duration.ofMinutes(20));
    run(handler, PaymentJobs.TASK_ESCALATION);
    assertEquals(owner, components(stack, clock).taskStore().find(taskId).orElseThrow().assigneeId());
    clock.advance(Duration.ofMinutes(15));
    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      long escalatedByRuns = 0;
      for (int i = 0; i < 2; i++) {
        Map<String, Object> result = run(handler, PaymentJobs.TASK_ESCALATION);
        escalatedByRuns += ((Number) result.get("reassigned")).longValue() + ((Number) result.get("reported")).longValue();
      }
      // every escalated task counts once in TasksOverdue (ours at least; the table is shared with other tests)
      assertEquals(escalatedByRuns, metrics.total(ShopMetrics.TASKS_OVERDUE));
      assertTrue(escalatedByRuns >= 1, "escalated " + escalatedByRuns);
    }
    StaffTask escalated = components(stack, clock).taskStore().find(taskId).orElseThrow();
    assertNotEquals(owner, escalated.assigneeId());
    assertEquals(1, escalated.escalations());
    assertEquals(clock.instant().plus(Duration.ofMinutes(60)), escalated.dueAt());
  }

  @Test
  void anUnknownJobFailsLoudly(AwsStack stack) {
    SchedulerHandler handler = new SchedulerHandler(stack.functionEnv("SchedulerFunction"), Clock.systemUTC());
    assertThrows(IllegalArgumentException.class, () -> run(handler, "payment-timeout"));
  }
}
