package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.platform.json.Json;
import dev.storeops.staff.Manager;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * order-events on the AWS stack: SQS events built from the fixture, orders created by the real order
 * service, mail intents read back from the e-mail queue. Tests in this class run one after another
 * and each starts with every manager off shift, so the manager choice is theirs alone.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderEventsTest {
  private AwsStack stack;
  private OrderEventsHandler handler;
  private OrderComponents orders;
  private String sku;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    this.orders = OrderComponents.build(stack.dynamoDb(), stack.sqs(), stack.tableName("StoreTable"),
        stack.queueUrl("OrderEventsQueue"), OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
    orders.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    sku = "E-" + UUID.randomUUID().toString().substring(0, 8);
    orders.catalog().putProduct(new Product(sku, "Чай улун", 99000, "RUB", 300, 100, 100, 100, "tea", null, null, null));
    orders.catalog().setOnHand(sku, "msk-1", 1000);
  }

  @BeforeEach
  void everyoneOffShift() {
    for (Manager m : orders.catalog().managers()) {
      orders.catalog().putManager(m.id(), m.name(), m.email(), false);
    }
    drain();
  }

  private Manager manager(boolean onShift, long openOrders) {
    String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    orders.catalog().putManager(id, "Менеджер " + id, id + "@staff.example.com", onShift);
    if (openOrders > 0) {
      stack.dynamoDb().updateItem(u -> u.tableName(stack.tableName("StoreTable"))
          .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MANAGER#" + id),
              "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MANAGER")))
          .updateExpression("SET openOrders = :n")
          .expressionAttributeValues(java.util.Map.of(":n",
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(openOrders)))));
    }
    return orders.catalog().manager(id).orElseThrow();
  }

  private OrderService.Placed order(String email) {
    OrderRequest request = new OrderRequest(null,
        new OrderRequest.ContactRequest(email, "Ольга Смирнова", "+79165551234", "ru", false),
        List.of(new OrderRequest.LineRequest(sku, 2)),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), "ONLINE_CARD", "SITE", null);
    return orders.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
  }

  private static SQSEvent event(OrderService.Placed placed) {
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(Json.write(OrderCreated.of(placed.order(), placed.accessToken())));
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());
    return event;
  }

  /** Every mail intent now on the e-mail queue (received and deleted). */
  private List<JsonNode> drain() {
    List<JsonNode> intents = new ArrayList<>();
    String url = stack.queueUrl("EmailQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
      if (messages.isEmpty()) {
        return intents;
      }
      for (var m : messages) {
        try {
          intents.add(Json.mapper().readTree(m.body()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private Customer customerOf(OrderService.Placed placed) {
    return orders.customerStore().find(placed.order().customerId()).orElseThrow();
  }

  @Test
  void aRedeliveredEventSendsOneConfirmationAndAssignsOnce() {
    Manager busy = manager(true, 5);
    Manager light = manager(true, 1);
    manager(false, 0);
    OrderService.Placed placed = order("olga." + UUID.randomUUID() + "@example.com");
    SQSEvent event = event(placed);

    for (int delivery = 0; delivery < 3; delivery++) {
      SQSBatchResponse response = handler.handleRequest(event, null);
      assertTrue(response.getBatchItemFailures().isEmpty());
    }

    List<JsonNode> intents = drain();
    assertEquals(2, intents.size(), intents.toString());
    JsonNode confirmation = intents.stream().filter(i -> "order-confirmation".equals(i.path("template").asText()))
        .findFirst().orElseThrow();
    String id = placed.order().id();
    assertEquals("order-confirmation#" + id, confirmation.path("dedupeKey").asText());
    assertEquals("TRANSACTIONAL", confirmation.path("category").asText());
    JsonNode data = confirmation.path("data");
    assertEquals(placed.order().number(), data.path("orderNumber").asText());
    assertEquals("1 980,00 ₽", data.path("totalText").asText());
    assertEquals("990,00 ₽", data.path("lines").get(0).path("priceText").asText());
    assertEquals("ONLINE_CARD", data.path("paymentMethod").asText());
    assertEquals("https://shop.example.com/orders/" + id + "?token=" + placed.accessToken(), data.path("orderUrl").asText());

    JsonNode staffMail = intents.stream().filter(i -> "manager-new-order".equals(i.path("template").asText()))
        .findFirst().orElseThrow();
    assertEquals("STAFF", staffMail.path("category").asText());
    assertEquals(light.email(), staffMail.path("to").asText());

    assertEquals(light.id(), orders.orders().find(id).orElseThrow().managerId());
    assertEquals(light.id(), customerOf(placed).managerId());
    assertEquals(2, orders.catalog().manager(light.id()).orElseThrow().openOrders(), "counted once");
    assertEquals(5, orders.catalog().manager(busy.id()).orElseThrow().openOrders());
  }

  @Test
  void theCustomersPreviousManagerTakesTheNextOrderWhenOnShift() {
    Manager previous = manager(true, 0);
    String email = "returning." + UUID.randomUUID() + "@example.com";
    OrderService.Placed first = order(email);
    handler.handleRequest(event(first), null);
    assertEquals(previous.id(), customerOf(first).managerId());

    manager(true, 0);
    orders.catalog().putManager(previous.id(), previous.name(), previous.email(), true);
    OrderService.Placed second = order(email);
    handler.handleRequest(event(second), null);
    assertEquals(previous.id(), orders.orders().find(second.order().id()).orElseThrow().managerId(),
        "the previous manager, although more loaded now");
    assertEquals(2, orders.catalog().manager(previous.id()).orElseThrow().openOrders());

    orders.catalog().putManager(previous.id(), previous.name(), previous.email(), false);
    Manager other = orders.catalog().managers().stream().filter(Manager::onShift).findFirst().orElseThrow();
    OrderService.Placed third = order(email);
    handler.handleRequest(event(third), null);
    assertEquals(other.id(), orders.orders().find(third.order().id()).orElseThrow().managerId());
    drain();
  }

  @Test
  void withNobodyOnShiftTheOrderStaysUnassignedAndOpsHearOnce() {
    OrderService.Placed placed = order("nobody." + UUID.randomUUID() + "@example.com");
    handler.handleRequest(event(placed), null);
    handler.handleRequest(event(placed), null);
    List<JsonNode> intents = drain();
    assertEquals(List.of("order-confirmation", "order-unassigned"),
        intents.stream().map(i -> i.path("template").asText()).sorted().toList());
    JsonNode alert = intents.stream().filter(i -> "order-unassigned".equals(i.path("template").asText())).findFirst().orElseThrow();
    assertEquals("ops@example.com", alert.path("to").asText());
    assertNull(orders.orders().find(placed.order().id()).orElseThrow().managerId());
  }

  @Test
  void aBrokenMessageIsABatchItemFailureTheOthersGoThrough() {
    manager(true, 0);
    OrderService.Placed placed = order("batch." + UUID.randomUUID() + "@example.com");
    SQSEvent event = event(placed);
    SQSEvent.SQSMessage broken = new SQSEvent.SQSMessage();
    broken.setMessageId("broken-1");
    broken.setBody("{not json");
    SQSEvent.SQSMessage missing = new SQSEvent.SQSMessage();
    missing.setMessageId("missing-1");
    missing.setBody("{\"type\":\"OrderCreated\",\"orderId\":\"ord_missing\"}");
    List<SQSEvent.SQSMessage> records = new ArrayList<>(event.getRecords());
    records.add(broken);
    records.add(missing);
    event.setRecords(records);
    SQSBatchResponse response = handler.handleRequest(event, null);
    assertEquals(List.of("broken-1", "missing-1"), response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(2, drain().size());
  }
}
