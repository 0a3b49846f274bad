package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.json.Json;
import dev.storeops.ordering.Cart;
import dev.storeops.ordering.ValidOrder;
import dev.storeops.platform.ids.TokenHash;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.ordering.dynamo.DynamoCartStore;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail-flow step of order-events with real orders (order intake's service): the cart's due keys,
 * the reorder and reactivation items and the category-buyer index, and redelivered events.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMailFlowsStepTest {
  private static final Instant T1 = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
  private AwsStack stack;
  private OrderEventsHandler handler;
  private String table;
  private String sku;
  private String category;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    this.table = stack.tableName("StoreTable");
    OrderComponents now = components(Clock.systemUTC());
    now.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    sku = "MFS-" + UUID.randomUUID().toString().substring(0, 8);
    category = "Tea-" + UUID.randomUUID().toString().substring(0, 6);
    now.catalog().putProduct(new Product(sku, "Чай улун", 99000, "RUB", 300, 100, 100, 100, category, null, null, null));
    now.catalog().setOnHand(sku, "msk-1", 1000);
  }

  private OrderComponents components(Clock clock) {
    return OrderComponents.build(stack.dynamoDb(), stack.sqs(), table, stack.queueUrl("OrderEventsQueue"),
        OrderLimits.defaults(), "ru", clock, null);
  }

  private OrderService.Placed order(Instant at, String customerId, String email, String cartId) {
    return order(at, customerId, email, cartId, null);
  }

  private OrderService.Placed order(Instant at, String customerId, String email, String cartId, String cartToken) {
    OrderRequest request = new OrderRequest(customerId, customerId != null ? null
        : new OrderRequest.ContactRequest(email, "Ольга Смирнова", "+79165551234", "ru", true),
        List.of(new OrderRequest.LineRequest(sku, 1)),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), "ONLINE_CARD", "SITE", cartId);
    return components(Clock.fixed(at, ZoneOffset.UTC)).orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront(cartToken));
  }

  private void deliver(OrderService.Placed placed) {
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(Json.write(OrderCreated.of(placed.order(), placed.accessToken())));
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());
    assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty());
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(TableKeys.PK, AttributeValue.fromS(pk),
        TableKeys.SK, AttributeValue.fromS(sk)))).item();
  }

  @Test
  void ordersScheduleTheFlowsOnceAndAnOrderFromTheCartClosesItsReminder() {
    OrderService.Placed first = order(T1, null, "mfs." + UUID.randomUUID() + "@example.com", null);
    String customerId = first.order().customerId();
    for (int i = 0; i < 2; i++) {
      deliver(first);
    }
    var reactivation = item(TableKeys.CUSTOMER.key(customerId), "MAILFLOW#reactivation");
    assertEquals(first.order().id(), reactivation.get("lastOrderId").s());
    assertEquals("DUE#reactivation#" + DueWork.day(T1.plus(Duration.ofDays(90))), reactivation.get(TableKeys.DUE_PK).s());
    assertEquals("LASTORDER#" + DueWork.day(T1), reactivation.get(TableKeys.GSI1PK).s());
    assertFalse(item(TableKeys.CUSTOMER.key(customerId), "MAILFLOW#reorder").containsKey(TableKeys.DUE_PK), "one order: no interval");
    assertEquals(customerId, item("BUYERS#" + category.toLowerCase(), TableKeys.CUSTOMER.key(customerId)).get("customerId").s());

    // a cart saved, then ordered from: the order's transaction takes it out of the due index
    String cartId = "cart_mfs" + UUID.randomUUID().toString().substring(0, 8);
    // (saved as the storefront would with the customer's own token: the cart store directly, with its token's hash)
    String cartToken = "cart-token-" + UUID.randomUUID();
    Instant saved = T1.plus(Duration.ofDays(19));
    components(Clock.fixed(saved, ZoneOffset.UTC)).carts().save(new Cart(cartId, customerId,
        List.of(new ValidOrder.Line(sku, 1)), Cart.Status.OPEN, null, saved, saved), TokenHash.of(cartToken));
    var cart = item("CART#" + cartId, "CART");
    assertEquals("DUE#" + DynamoCartStore.ABANDONED_CART + "#" + DueWork.day(T1.plus(Duration.ofDays(19))),
        cart.get(TableKeys.DUE_PK).s());
    OrderService.Placed second = order(T1.plus(Duration.ofDays(20)), customerId, null, cartId, cartToken);
    assertFalse(item("CART#" + cartId, "CART").containsKey(TableKeys.DUE_PK));
    deliver(second);
    deliver(first); // a late redelivery of the first order's event changes nothing

    var reorder = item(TableKeys.CUSTOMER.key(customerId), "MAILFLOW#reorder");
    assertEquals(second.order().id(), reorder.get("lastOrderId").s());
    assertEquals("20", reorder.get("intervalDays").n());
    assertEquals(DueWork.sortKey(second.order().createdAt().plus(Duration.ofDays(20)), customerId),
        reorder.get(TableKeys.DUE_SK).s());
    var restarted = item(TableKeys.CUSTOMER.key(customerId), "MAILFLOW#reactivation");
    assertEquals(second.order().id(), restarted.get("lastOrderId").s());
    assertEquals(DueWork.sortKey(second.order().createdAt().plus(Duration.ofDays(90)), customerId),
        restarted.get(TableKeys.DUE_SK).s());
    assertEquals("1", restarted.get("step").n());
  }
}
