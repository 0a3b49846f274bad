package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.staff.Manager;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.staff.StaffTask;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** order-events starts the payment follow-ups: a payment deadline for prepaid orders, a call task for cash on delivery. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFollowUpsTest {
  private OrderEventsHandler handler;
  private OrderComponents orders;
  private FlowComponents flow;
  private String sku;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    String table = stack.tableName("StoreTable");
    this.orders = OrderComponents.build(stack.dynamoDb(), stack.sqs(), table, stack.queueUrl("OrderEventsQueue"),
        OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
    MailOutbox none = intents -> { };
    this.flow = FlowComponents.build(stack.dynamoDb(), table, none, FlowSettings.defaults(), Clock.systemUTC(),
        "https://shop.example.com", FlowComponents.noEscalation());
    orders.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    sku = "F-" + UUID.randomUUID().toString().substring(0, 8);
    orders.catalog().putProduct(new Product(sku, "Чай пуэр", 50000, "RUB", 300, 100, 100, 100, "tea", null, null, null));
    orders.catalog().setOnHand(sku, "msk-1", 1000);
  }

  private OrderService.Placed order(String payment) {
    OrderRequest request = new OrderRequest(null,
        new OrderRequest.ContactRequest("f." + UUID.randomUUID() + "@example.com", "Ольга Смирнова", "+79165551234",
            "ru", false),
        List.of(new OrderRequest.LineRequest(sku, 1)),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), payment, "SITE", null);
    return orders.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
  }

  private void deliverTwice(OrderService.Placed placed) {
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(Json.write(OrderCreated.of(placed.order(), placed.accessToken())));
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());
    assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty());
    assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty());
  }

  @Test
  void aPrepaidOrderGoesOnThePaymentDeadlineIndexOnce() {
    OrderService.Placed placed = order("BANK_TRANSFER");
    deliverTwice(placed);
    OrderFile f = flow.flow().get(placed.order().id());
    assertEquals(OrderFlow.STAGE_REMIND, f.paymentStage());
    assertEquals(placed.order().createdAt().plus(Duration.ofHours(72)), f.paymentDueAt());
    // written once: the deadline (+1) and, when a manager was on shift, the assignment (+1) — not again
    assertEquals(f.order().managerId() == null ? 1 : 2, f.rev());
    deliverTwice(placed);
    assertEquals(f.rev(), flow.flow().get(placed.order().id()).rev(), "a redelivery changes nothing");
  }

  @Test
  void aCashOnDeliveryOrderGetsOneConfirmByPhoneTaskForItsManager() {
    String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    for (Manager m : orders.catalog().managers()) {
      orders.catalog().putManager(m.id(), m.name(), m.email(), false);
    }
    orders.catalog().putManager(id, "Менеджер", id + "@staff.example.com", true);
    OrderService.Placed placed = order("CASH_ON_DELIVERY");
    deliverTwice(placed);
    StaffTask task = flow.taskStore().find("confirm-by-phone_" + placed.order().id()).orElseThrow();
    assertEquals(id, task.assigneeId());
    assertEquals(1, flow.tasks().list(id, StaffTask.Status.OPEN, 50).size());
    assertNull(flow.flow().get(placed.order().id()).paymentStage());
  }
}
