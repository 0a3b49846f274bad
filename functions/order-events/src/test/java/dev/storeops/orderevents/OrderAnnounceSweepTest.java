package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.AnnounceOrders;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.dynamo.DynamoOrderAnnouncements;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.Manager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No lost order (issue 12): the order service's SQS client points at a queue URL that does not exist, so
 * sending {@code OrderCreated} fails after the order is stored. The client still gets its order; the
 * scheduler's sweeper ({@link AnnounceOrders}, the job the scheduler runs) publishes it again from the
 * announce item written in the order's transaction, and order-events completes it once, even when the
 * event comes twice.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAnnounceSweepTest {
  private AwsStack stack;
  private String table;
  private OrderEventsHandler handler;
  /** The order-api's order service whose SQS send fails: its queue does not exist. */
  private OrderComponents unreachableQueue;
  private FlowComponents flow;
  private String sku;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    newOrderApi();
    MailOutbox none = intents -> { };
    this.flow = FlowComponents.build(stack.dynamoDb(), table, none, FlowSettings.defaults(), Clock.systemUTC(),
        "https://shop.example.com", FlowComponents.noEscalation());
    unreachableQueue.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    sku = "A-" + UUID.randomUUID().toString().substring(0, 8);
    unreachableQueue.catalog().putProduct(
        new Product(sku, "Чай габа", 70000, "RUB", 300, 100, 100, 100, "tea", null, null, null));
    unreachableQueue.catalog().setOnHand(sku, "msk-1", 1000);
  }

  /**
   * A fresh order-api container for each test: its order store remembers the announce cursor's day, and
   * the other test's sweeps run on clocks hours ahead, which after 21:00 UTC moves the cursor to the next
   * UTC day — a jump no real sweeper makes (its today never runs ahead of the order-api's).
   */
  @BeforeEach
  void newOrderApi() {
    this.unreachableQueue = OrderComponents.build(stack.dynamoDb(), stack.sqs(), table,
        stack.queueUrl("OrderEventsQueue") + "-does-not-exist", OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
  }

  private OrderService.Placed order() {
    OrderRequest request = new OrderRequest(null,
        new OrderRequest.ContactRequest("lost." + UUID.randomUUID() + "@example.com", "Ольга Смирнова",
            "+79165551234", "ru", false),
        List.of(new OrderRequest.LineRequest(sku, 1)),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), "ONLINE_CARD", "SITE", null);
    return unreachableQueue.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
  }

  /** The sweeper as the scheduler builds it, on a clock {@code ahead} of now. */
  private Map<String, Object> sweep(Duration ahead) {
    return DynamoOrderAnnouncements.job(stack.dynamoDb(), stack.sqs(), table, stack.queueUrl("OrderEventsQueue"),
        Clock.offset(Clock.systemUTC(), ahead)).run();
  }

  /** Bodies of the OrderCreated messages for {@code orderId} now on the order-events queue (all received messages are deleted). */
  private List<String> queuedEventsOf(String orderId) {
    List<String> bodies = new ArrayList<>();
    String url = stack.queueUrl("OrderEventsQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (messages.isEmpty()) {
        return bodies;
      }
      for (var m : messages) {
        if (m.body().contains(orderId)) {
          bodies.add(m.body());
        }
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /** Mail intents for {@code orderId} now on the e-mail queue (all received messages are deleted). */
  private List<JsonNode> mailIntentsOf(String orderId) {
    List<JsonNode> intents = new ArrayList<>();
    String url = stack.queueUrl("EmailQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (messages.isEmpty()) {
        return intents;
      }
      for (var m : messages) {
        if (m.body().contains(orderId)) {
          try {
            intents.add(Json.mapper().readTree(m.body()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private void deliver(String body) {
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(body);
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());
    assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty());
  }

  private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> announceItem(String orderId) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).consistentRead(true)
        .key(TableKeys.primaryKey(TableKeys.ORDER.key(orderId), "ANNOUNCE"))).item();
  }

  @Test
  void anOrderWhoseEventCouldNotBeSentIsAnsweredAndThenCompletedOnceByTheSweeper() {
    for (Manager m : unreachableQueue.catalog().managers()) {
      unreachableQueue.catalog().putManager(m.id(), m.name(), m.email(), false);
    }
    String managerId = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    unreachableQueue.catalog().putManager(managerId, "Менеджер", managerId + "@staff.example.com", true);
    queuedEventsOf("-");

    OrderService.Placed placed = order();
    String id = placed.order().id();
    assertFalse(placed.replayed());
    assertTrue(unreachableQueue.orders().find(id).isPresent(), "the client got a stored order");
    assertFalse(announceItem(id).isEmpty(), "the announce item was written with the order");
    assertTrue(queuedEventsOf(id).isEmpty(), "its OrderCreated never reached the queue");

    sweep(Duration.ZERO);
    assertTrue(queuedEventsOf(id).isEmpty(), "not due before the grace period");

    Map<String, Object> run = sweep(AnnounceOrders.GRACE.plusMinutes(1));
    assertTrue(((Number) run.get("republished")).intValue() >= 1, run.toString());
    List<String> events = queuedEventsOf(id);
    assertEquals(1, events.size(), "published again once");
    // announced twice: the redelivery changes nothing
    deliver(events.get(0));
    deliver(events.get(0));

    assertTrue(announceItem(id).isEmpty(), "order-events removed the announce item");
    sweep(Duration.ofMinutes(40));
    assertTrue(queuedEventsOf(id).isEmpty(), "a completed order is not published again");

    assertEquals(managerId, unreachableQueue.orders().find(id).orElseThrow().managerId());
    assertEquals(1, unreachableQueue.catalog().manager(managerId).orElseThrow().openOrders(), "assigned once");
    List<JsonNode> intents = mailIntentsOf(id);
    List<JsonNode> confirmations = intents.stream()
        .filter(i -> "order-confirmation".equals(i.path("template").asText())).toList();
    assertEquals(1, confirmations.size(), intents.toString());
    assertEquals("https://shop.example.com/orders/" + id,
        confirmations.get(0).path("data").path("orderUrl").asText(), "the swept event carries no access token");
    assertEquals(1, intents.stream().filter(i -> "manager-new-order".equals(i.path("template").asText())).count());
    OrderFile f = flow.flow().get(id);
    assertNotNull(f.paymentDueAt(), "payment deadline set");
    assertEquals(placed.order().createdAt().plus(Duration.ofHours(72)), f.paymentDueAt());
  }

  @Test
  void anOrderThatOrderEventsNeverCompletesIsParkedAsPoisonNotPublishedForever() {
    OrderService.Placed placed = order();
    String id = placed.order().id();
    // nobody consumes the events: each sweep publishes again, up to MAX_REPUBLISH, then the item fails
    Duration at = AnnounceOrders.GRACE.plusMinutes(1);
    for (int publication = 1; publication <= AnnounceOrders.MAX_REPUBLISH; publication++) {
      sweep(at);
      assertEquals(1, queuedEventsOf(id).size(), "publication " + publication);
      at = at.plus(AnnounceOrders.RECHECK).plusMinutes(1);
    }
    Map<String, Object> last = null;
    for (int attempt = 1; attempt <= dev.storeops.platform.batch.PoisonItems.MAX_ATTEMPTS; attempt++) {
      last = sweep(at);
      assertTrue(queuedEventsOf(id).isEmpty());
      at = at.plusMinutes(15);
    }
    assertTrue(((List<?>) last.get("parkedItems")).contains(TableKeys.ORDER.key(id) + "|ANNOUNCE"), last.toString());
    var item = announceItem(id);
    assertEquals(TableKeys.poison(OrderAnnouncements.KIND), item.get(TableKeys.DUE_PK).s());
    assertEquals(String.valueOf(dev.storeops.platform.batch.PoisonItems.MAX_ATTEMPTS), item.get("dueAttempts").n());
    assertTrue(item.get("dueLastError").s().contains("still not completed"), item.toString());
    assertTrue(new DueWorkStore(stack.dynamoDb(), table, Clock.systemUTC()).parked(OrderAnnouncements.KIND, 100)
        .stream().anyMatch(i -> id.equals(i.get("orderId").s())), "ops can list it");

    Map<String, Object> after = sweep(at.plusHours(1));
    assertTrue(queuedEventsOf(id).isEmpty(), "a parked item is not retried");
    assertFalse(((List<?>) after.get("parkedItems")).contains(TableKeys.ORDER.key(id) + "|ANNOUNCE"));
  }
}
