package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Orders taken by staff count in OrdersPlaced with the channel they came through (phone, email). */
@WithAwsStack
class StaffOrderMetricsTest {

  @Test
  void phoneAndEmailOrdersCountWithTheirChannel(AwsStack stack) throws Exception {
    StaffApiCalls api = StaffApiCalls.on(stack);
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call("put-product.json", Map.of("sku", sku), null).getStatusCode());
    assertEquals(200, api.call("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":10}").getStatusCode());
    String customer = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable")),
        Clock.systemUTC(), "ru").register(new CustomerRegistration("caller." + UUID.randomUUID() + "@example.com",
        "Пётр Звонков", "+79161234567", null, true, "ru")).id();

    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      for (String channel : new String[] {"PHONE", "EMAIL", "PHONE"}) {
        APIGatewayV2HTTPResponse placed = api.call(newOrder(customer, sku, 1, Map.of("channel", channel)));
        assertEquals(201, placed.getStatusCode(), placed.getBody());
      }
      assertEquals(Map.of("OrdersPlaced{Channel=email}", 1L, "OrdersPlaced{Channel=phone}", 2L), metrics.totals());
      assertEquals(3, metrics.total(ShopMetrics.ORDERS_PLACED));
    }
  }
}
