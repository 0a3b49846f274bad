package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
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

/** Orders taken by staff count in OrdersPlaced with the channel they came through (phone, email). */
@WithAwsStack
class StaffOrderMetricsTest {

  @Test
  void phoneAndEmailOrdersCountWithTheirChannel(AwsStack stack) throws Exception {
    StaffApiHandler handler = stack.handler("StaffApiFunction", StaffApiHandler.class);
    assertEquals(200, handler.handleRequest(event("put-warehouse.json", Map.of("id", "spb-1"),
        "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}"), null).getStatusCode());
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, handler.handleRequest(event("put-product.json", Map.of("sku", sku), null), null).getStatusCode());
    assertEquals(200, handler.handleRequest(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"),
        "{\"onHand\":10}"), null).getStatusCode());
    String customer = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable")),
        Clock.systemUTC(), "ru").register(new CustomerRegistration("caller." + UUID.randomUUID() + "@example.com",
        "Пётр Звонков", "+79161234567", null, true, "ru")).id();

    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      for (String channel : new String[] {"PHONE", "EMAIL", "PHONE"}) {
        APIGatewayV2HTTPResponse placed = handler.handleRequest(order(customer, sku, channel), null);
        assertEquals(201, placed.getStatusCode(), placed.getBody());
      }
      assertEquals(Map.of("OrdersPlaced{Channel=email}", 1L, "OrdersPlaced{Channel=phone}", 2L), metrics.totals());
      assertEquals(3, metrics.total(ShopMetrics.ORDERS_PLACED));
    }
  }

  private static APIGatewayV2HTTPEvent event(String fixture, Map<String, String> path, String body) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/staff-api/" + fixture);
    event.setPathParameters(path);
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  private static APIGatewayV2HTTPEvent order(String customerId, String sku, String channel) throws Exception {
    APIGatewayV2HTTPEvent event = event("create-order.json", null, null);
    ObjectNode body = (ObjectNode) Json.mapper().readTree(event.getBody());
    body.put("customerId", customerId).put("channel", channel);
    body.putArray("lines").addObject().put("sku", sku).put("qty", 1);
    event.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", UUID.randomUUID().toString());
    event.setHeaders(headers);
    return event;
  }
}
