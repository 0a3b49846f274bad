package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static dev.storeops.staffapi.StaffApiCalls.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.dynamo.DynamoTaskStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stock ledger through the staff API (docs/stock-ledger.md): a staff count below what an order
 * holds flags it short with a task, and {@code GET /staff/stock/{sku}/movements} tells why the stock
 * changed, newest first, a page at a time.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffStockApiTest {
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
    this.table = stack.tableName("StoreTable");
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
  }

  private APIGatewayV2HTTPResponse setStock(String sku, long onHand) {
    return api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":" + onHand + "}"));
  }

  private APIGatewayV2HTTPResponse movements(String sku, Map<String, String> query) {
    return api.call(query(event("get-stock-movements.json", Map.of("sku", sku), null), query));
  }

  private String phoneOrder(String sku, int qty) {
    String customerId = new dev.storeops.customers.CustomerService(new DynamoCustomerStore(stack.dynamoDb(), table),
        Clock.systemUTC(), "ru").register(new CustomerRegistration("caller." + UUID.randomUUID() + "@example.com",
            "Пётр Звонков", "+79161234567", null, true, "ru")).id();
    APIGatewayV2HTTPResponse created = api.call(newOrder(customerId, sku, qty, Map.of("paymentMethod", "CASH_ON_DELIVERY")));
    assertEquals(201, created.getStatusCode(), created.getBody());
    return json(created).path("id").asText();
  }

  @Test
  void aCountBelowTheHoldsFlagsTheOrderAndTheJournalTellsWhyNewestFirst() throws Exception {
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, setStock(sku, 5).getStatusCode());
    String orderId = phoneOrder(sku, 4);
    Thread.sleep(2); // journal entries are ordered by their instant
    APIGatewayV2HTTPResponse cut = setStock(sku, 1);
    assertEquals(200, cut.getStatusCode(), cut.getBody());
    assertEquals(0, json(cut).path("available").asLong());

    JsonNode order = json(api.call(event("get-order.json", Map.of("id", orderId), null)));
    assertTrue(order.path("short").asBoolean(), order.toString());
    assertEquals(sku, order.path("shortLines").path(0).path("sku").asText());
    assertEquals(4, order.path("shortLines").path(0).path("held").asLong());
    assertEquals(1, order.path("shortLines").path(0).path("onHand").asLong());
    var task = new DynamoTaskStore(stack.dynamoDb(), table, new DueWorkStore(stack.dynamoDb(), table, Clock.systemUTC()))
        .find(ShortStockPolicy.taskId(orderId, sku, "spb-1")).orElseThrow();
    assertEquals(ShortStockPolicy.TASK_KIND, task.kind());
    assertTrue(task.title().contains("1 of " + sku) && task.title().contains("holds 4"), task.title());

    APIGatewayV2HTTPResponse all = movements(sku, null);
    assertEquals(200, all.getStatusCode(), all.getBody());
    List<String> kinds = new ArrayList<>();
    json(all).path("movements").forEach(m -> kinds.add(m.path("movement").asText()));
    assertEquals(List.of("staff-set", "reserve", "staff-set"), kinds);
    JsonNode latest = json(all).path("movements").path(0);
    assertEquals("mgr-irina", latest.path("actor").asText());
    assertEquals(5, latest.path("onHandBefore").asLong());
    assertEquals(1, latest.path("onHandAfter").asLong());
    assertEquals(4, latest.path("reservedAfter").asLong());
    assertEquals(0, latest.path("availableAfter").asLong());
    assertTrue(latest.path("reason").asText().contains("set to 1 by staff (was 5)"), latest.toString());
    JsonNode reserve = json(all).path("movements").path(1);
    assertEquals(orderId, reserve.path("ref").asText());
    assertEquals(4, reserve.path("reservedChange").asLong());

    JsonNode first = json(movements(sku, Map.of("limit", "2")));
    assertEquals(2, first.path("movements").size());
    String next = first.path("nextCursor").asText();
    assertEquals(next, first.path("next").asText(), "the older name of the cursor");
    JsonNode second = json(movements(sku, Map.of("limit", "2", "cursor", next)));
    assertEquals(1, second.path("movements").size());
    assertTrue(second.path("nextCursor").isMissingNode(), "the last page has no nextCursor");
    assertEquals(second, json(movements(sku, Map.of("limit", "2", "next", next))), "next= still works");
    assertEquals("staff-set", second.path("movements").path(0).path("movement").asText());
    assertEquals(5, second.path("movements").path(0).path("onHandAfter").asLong());
  }

  @Test
  void unknownSkusAndBadPagingAreClientErrors() {
    APIGatewayV2HTTPResponse unknown = movements("NO-SUCH-" + UUID.randomUUID().toString().substring(0, 6), null);
    assertEquals(404, unknown.getStatusCode(), unknown.getBody());
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    APIGatewayV2HTTPResponse badLimit = movements(sku, Map.of("limit", "0"));
    assertEquals(400, badLimit.getStatusCode());
    assertEquals("limit", json(badLimit).path("errors").path(0).path("field").asText());
    APIGatewayV2HTTPResponse badCursor = movements(sku, Map.of("cursor", "bm90LWEtY3Vyc29y"));
    assertEquals(400, badCursor.getStatusCode());
    assertEquals("cursor", json(badCursor).path("errors").path(0).path("field").asText());
    APIGatewayV2HTTPResponse empty = movements(sku, null);
    assertEquals(200, empty.getStatusCode());
    assertEquals(0, json(empty).path("movements").size());
  }

  @Test
  void theRepairBringsAnInflatedRowBackToWhatTheOrdersHoldAndJournalsIt() {
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, setStock(sku, 5).getStatusCode());
    String orderId = phoneOrder(sku, 1);
    // the old bug: 3 units of shipped orders were never taken out of reserved
    stack.dynamoDb().updateItem(b -> b.tableName(table).key(dev.storeops.platform.dynamo.TableKeys.stockKey(sku, "spb-1"))
        .updateExpression("SET reserved = :r, available = :a")
        .expressionAttributeValues(Map.of(":r", dev.storeops.platform.dynamo.Items.n(4),
            ":a", dev.storeops.platform.dynamo.Items.n(1))));

    APIGatewayV2HTTPResponse repaired = api.call(event("repair-stock.json", null, null));
    assertEquals(200, repaired.getStatusCode(), repaired.getBody());
    JsonNode row = null;
    for (JsonNode c : json(repaired).path("corrected")) {
      if (c.path("sku").asText().equals(sku)) {
        row = c;
      }
    }
    assertTrue(row != null, repaired.getBody());
    assertEquals(4, row.path("reservedBefore").asLong());
    assertEquals(1, row.path("reservedAfter").asLong());
    assertEquals(4, row.path("availableAfter").asLong());
    JsonNode latest = json(movements(sku, Map.of("limit", "1"))).path("movements").path(0);
    assertEquals("repair", latest.path("movement").asText());
    assertEquals("mgr-irina", latest.path("actor").asText());
    assertTrue(orderId.startsWith("ord_"));
  }
}
