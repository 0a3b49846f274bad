package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What order-events costs per order (docs/performance.md, local mode keeps up): every AWS call the
 * handler makes for one new 3-line card order of a new customer, counted on its own clients against the
 * embedded stack. The order is read once for all steps (the mail flows and the invoice reuse it) and its
 * three products in one BatchGetItem.
 */
@WithAwsStack
class OrderEventsRoundTripsTest {

  @Test
  void oneNewOrderCostsTheseCallsAndNoSecondReadOfTheOrder(AwsStack stack) {
    OrderEventsHandler handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    OrderComponents orders = OrderComponents.build(stack.dynamoDb(), stack.sqs(), stack.tableName("StoreTable"),
        stack.queueUrl("OrderEventsQueue"), OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
    orders.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    String manager = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    orders.catalog().putManager(manager, "Менеджер", manager + "@staff.example.com", true);
    List<OrderRequest.LineRequest> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String sku = "RT-" + UUID.randomUUID().toString().substring(0, 8);
      orders.catalog().putProduct(new Product(sku, "Чай " + i, 99000, "RUB", 300, 100, 100, 100, "tea", null, null, null));
      orders.catalog().setOnHand(sku, "msk-1", 100);
      lines.add(new OrderRequest.LineRequest(sku, 1));
    }
    OrderRequest request = new OrderRequest(null,
        new OrderRequest.ContactRequest("rt." + UUID.randomUUID() + "@example.com", "Ольга Смирнова", "+79165551234",
            "ru", false),
        lines, new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), "ONLINE_CARD", "SITE", null);
    OrderService.Placed placed = orders.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(Json.write(OrderCreated.of(placed.order(), placed.accessToken())));
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());

    List<String> sequence = new ArrayList<>();
    Map<String, Long> calls = CountedCalls.record(
        () -> assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty()), sequence);

    // accept: the order with its markers (GetItem), the customer (GetItem), the managers (Query), the
    // assignment (TransactWriteItems), both mails owed queued together (send) and both markers in one UpdateItem;
    // follow-ups: the order file read, the payment-due cursor (UpdateItem), the change (TransactWriteItems), not
    // read back; mail flows: the customer's history (Query), the reactivation cursor (UpdateItem), both flow items
    // (PutItem ×2), the 3 products (one BatchGetItem), the category-buyer item (PutItem); the announce item goes
    // (DeleteItem): 15 DynamoDB calls and 1 SQS call. Before 1 December the confirmation and the manager's mail
    // were queued and marked one by one and the follow-ups read the order back (17 + 2); before that the mail
    // flows and the invoice each read the order again and the products were read one GetItem each (23).
    assertEquals(Map.of("DynamoDb GetItem", 3L, "DynamoDb Query", 2L, "DynamoDb UpdateItem", 3L,
        "DynamoDb TransactWriteItems", 2L, "DynamoDb PutItem", 3L, "DynamoDb BatchGetItem", 1L,
        "DynamoDb DeleteItem", 1L, "Sqs SendMessageBatch", 1L), calls);
    long orderReads = sequence.stream().filter(c -> c.startsWith("DynamoDb GetItem") && c.contains("S=ORDER#")).count();
    // the first read and the follow-ups' read before their conditional write
    assertEquals(2, orderReads, sequence.toString());
  }
}
