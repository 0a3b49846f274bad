package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Placing an order through the storefront counts OrdersPlaced{Channel=site} once, as an EMF line on stdout. */
@WithAwsStack
class OrderApiMetricsTest {

  @Test
  void aStoredOrderCountsOnceWithItsChannelAndAReplayDoesNot(AwsStack stack) throws Exception {
    OrderApiHandler handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), stack.tableName("StoreTable"), Clock.systemUTC());
    catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    String sku = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.putProduct(new Product(sku, "Товар " + sku, 10000, "RUB", 400, 150, 100, 80, "tea", null, null, null));
    catalog.setOnHand(sku, "msk-1", 5);
    String key = UUID.randomUUID().toString();

    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      var placed = handler.handleRequest(order(key, sku), null);
      assertEquals(201, placed.getStatusCode(), placed.getBody());
      assertEquals(1, metrics.total(ShopMetrics.ORDERS_PLACED, Map.of("Channel", "site")));
      assertEquals(Map.of("OrdersPlaced{Channel=site}", 1L), metrics.totals());

      // the client repeats the request (same Idempotency-Key): the same order, not counted again
      var again = handler.handleRequest(order(key, sku), null);
      assertEquals(201, again.getStatusCode(), again.getBody());
      assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
      assertEquals(1, metrics.total(ShopMetrics.ORDERS_PLACED));
      // a refused order (unknown SKU) is not counted either
      int refused = handler.handleRequest(order(UUID.randomUUID().toString(), "NO-SUCH-SKU"), null).getStatusCode();
      assertTrue(refused >= 400 && refused < 500, "status " + refused);
      assertEquals(1, metrics.total(ShopMetrics.ORDERS_PLACED));
      assertEquals(1, metrics.lines());
    }
  }

  private static final String EMAIL = "metrics." + UUID.randomUUID() + "@example.com";

  private static APIGatewayV2HTTPEvent order(String key, String sku) throws Exception {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/create-order.json");
    ObjectNode body = (ObjectNode) Json.mapper().readTree(event.getBody());
    ((ObjectNode) body.get("customer")).put("email", EMAIL);
    body.putArray("lines").addObject().put("sku", sku).put("qty", 1);
    body.remove("cartId");
    event.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", key);
    event.setHeaders(headers);
    return event;
  }
}
