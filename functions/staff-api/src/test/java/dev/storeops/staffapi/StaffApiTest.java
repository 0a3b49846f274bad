package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.fields;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The staff API through API Gateway v2 events with JWT claims, on the AWS stack from template.yaml. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffApiTest {
  private static final String STAFF = "mgr-irina";
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
    this.table = stack.tableName("StoreTable");
    api.warehouse("msk-1", null);
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
  }

  /** A product (from the fixture, priced 1 234,50 ₽) with stock in spb-1. */
  private String product(long spbStock) {
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    APIGatewayV2HTTPResponse put = api.call(event("put-product.json", Map.of("sku", sku), null));
    assertEquals(200, put.getStatusCode(), put.getBody());
    APIGatewayV2HTTPResponse stock = api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"),
        "{\"onHand\":" + spbStock + "}"));
    assertEquals(200, stock.getStatusCode(), stock.getBody());
    return sku;
  }

  private String customer() {
    return new DynamoCustomerStoreHelper(stack, table).register();
  }

  private APIGatewayV2HTTPResponse phoneOrder(String customerId, String sku, int qty, String payment) {
    return api.call(newOrder(customerId, sku, qty, Map.of("paymentMethod", payment)));
  }

  @Test
  void aPhoneOrderRecordsItsCreatorAndReservesStock() {
    String sku = product(10);
    String customerId = customer();
    APIGatewayV2HTTPResponse created = phoneOrder(customerId, sku, 3, "CASH_ON_DELIVERY");
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode order = json(created);
    assertEquals("PHONE", order.path("channel").asText());
    assertEquals(STAFF, order.path("createdBy").asText());
    assertEquals(STAFF, order.path("statusHistory").get(0).path("by").asText());
    assertEquals("NEW", order.path("status").asText());
    assertEquals(3 * 123450, order.path("itemsTotalMinor").asLong());
    assertEquals(0, order.path("deliveryCostMinor").asLong(), "pickup in spb-1");
    assertEquals("spb-1", order.path("reservations").get(0).path("warehouse").asText());
    var stock = stack.dynamoDb().getItem(g -> g.tableName(table).key(TableKeys.stockKey(sku, "spb-1"))).item();
    assertEquals("7", stock.get("available").n());
    assertEquals("3", stock.get("reserved").n());

    APIGatewayV2HTTPEvent site = event("create-order.json", null, null);
    site.setBody(site.getBody().replace("\"PHONE\"", "\"SITE\""));
    assertEquals(Set.of("channel"), fields(api.call(site)));
  }

  @Test
  void staffStockSetKeepsReservationsAndRejectsUnknownThings() {
    String sku = product(5);
    String customerId = customer();
    assertEquals(201, phoneOrder(customerId, sku, 2, "BANK_TRANSFER").getStatusCode());
    APIGatewayV2HTTPResponse set = api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":1}"));
    assertEquals(200, set.getStatusCode(), set.getBody());
    assertEquals(2, json(set).path("reserved").asLong());
    assertEquals(0, json(set).path("available").asLong(), "never below 0");
    assertEquals(Set.of("warehouse"), fields(api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "nowhere"), null))));
    assertEquals(Set.of("sku"), fields(api.call(event("put-stock.json", Map.of("sku", "UNKNOWN-1", "warehouse", "spb-1"), null))));
    assertEquals(Set.of("onHand"), fields(api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":-1}"))));
  }

  @Test
  void ordersAreListedByStatusAndManagerPaged() {
    String sku = product(10);
    String customerId = customer();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(json(phoneOrder(customerId, sku, 1, "BANK_TRANSFER")).path("id").asText());
    }
    String manager = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    stack.dynamoDb().updateItem(u -> u.tableName(table).key(DynamoOrderStore.orderKey(ids.get(1)))
        .updateExpression("SET managerId = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS(manager))));

    APIGatewayV2HTTPEvent list = event("list-orders.json", null, null);
    list.setQueryStringParameters(Map.of("status", "AWAITING_PAYMENT", "manager", manager));
    List<String> mine = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> query = new HashMap<>(Map.of("status", "AWAITING_PAYMENT", "manager", manager, "limit", "100"));
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      list.setQueryStringParameters(query);
      APIGatewayV2HTTPResponse page = api.call(list);
      assertEquals(200, page.getStatusCode(), page.getBody());
      json(page).path("orders").forEach(o -> mine.add(o.path("id").asText()));
      cursor = json(page).path("nextCursor").isMissingNode() ? null : json(page).path("nextCursor").asText(null);
    } while (cursor != null);
    assertEquals(List.of(ids.get(1)), mine);

    list.setQueryStringParameters(Map.of("status", "AWAITING_PAYMENT", "limit", "2"));
    JsonNode first = json(api.call(list));
    assertEquals(2, first.path("orders").size());
    assertEquals(ids.get(2), first.path("orders").get(0).path("id").asText(), "newest first");
    assertEquals(ids.get(1), first.path("orders").get(1).path("id").asText());
    list.setQueryStringParameters(Map.of("status", "AWAITING_PAYMENT", "limit", "2",
        "cursor", first.path("nextCursor").asText()));
    assertEquals(ids.get(0), json(api.call(list)).path("orders").get(0).path("id").asText());

    list.setQueryStringParameters(Map.of("status", "LOST"));
    assertEquals(Set.of("status"), fields(api.call(list)));
    list.setQueryStringParameters(Map.of("status", "NEW", "cursor", "garbage"));
    assertEquals(Set.of("cursor"), fields(api.call(list)));
  }

  @Test
  void theDossierShowsContactsOrdersAndTotals() {
    String sku = product(10);
    String customerId = customer();
    JsonNode a = json(phoneOrder(customerId, sku, 1, "BANK_TRANSFER"));
    JsonNode b = json(phoneOrder(customerId, sku, 2, "CASH_ON_DELIVERY"));
    APIGatewayV2HTTPResponse response = api.call(event("get-customer.json", Map.of("id", customerId), null));
    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode dossier = json(response);
    assertEquals(customerId, dossier.path("customer").path("id").asText());
    assertNotNull(dossier.path("customer").path("email").asText(null));
    assertTrue(dossier.path("customer").has("marketingConsent"));
    assertEquals(b.path("id").asText(), dossier.path("orders").get(0).path("id").asText(), "newest first");
    assertEquals(a.path("id").asText(), dossier.path("orders").get(1).path("id").asText());
    assertEquals("AWAITING_PAYMENT", dossier.path("orders").get(1).path("statusHistory").get(0).path("status").asText());
    JsonNode totals = dossier.path("totals");
    assertEquals(2, totals.path("orderCount").asInt());
    // neither order has brought money in yet (awaiting the transfer; cash on delivery not delivered)
    assertEquals(0, totals.path("revenueMinor").asLong());
    assertEquals(0, totals.path("paidCount").asInt());
    assertEquals(0, totals.path("averageCheckMinor").asLong());
    assertEquals(0, totals.path("refusedCount").asInt());
    assertEquals(a.path("createdAt").asText(), totals.path("firstOrderAt").asText());
    assertEquals(b.path("createdAt").asText(), totals.path("lastOrderAt").asText());
    assertNull(dossier.get("manager"));
    assertEquals(404, api.call(event("get-customer.json", Map.of("id", "cus_nobody"), null)).getStatusCode());
  }

  @Test
  void productsAndManagersAreValidatedAndStored() {
    String sku = "P-" + UUID.randomUUID().toString().substring(0, 8);
    APIGatewayV2HTTPResponse bad = api.call(event("put-product.json", Map.of("sku", sku),
        "{\"name\":\"\",\"priceMinor\":-1,\"weightGrams\":0,\"lengthMm\":1,\"widthMm\":1,\"heightMm\":1,\"related\":[\"" + sku + "\"]}"));
    assertEquals(Set.of("name", "priceMinor", "weightGrams", "related[0]"), fields(bad));
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of("pk", AttributeValue.fromS("SKU#" + sku),
        "sk", AttributeValue.fromS("PRODUCT")))).item();
    assertEquals("Product", item.get("type").s());
    assertEquals("123450", item.get("priceMinor").n());
    assertEquals("RUB", item.get("currency").s());
    assertEquals(List.of(AttributeValue.fromS("CUP-CLAY-300")), item.get("related").l());

    String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    APIGatewayV2HTTPResponse m = api.call(event("put-manager.json", Map.of("id", id), null));
    assertEquals(200, m.getStatusCode(), m.getBody());
    assertEquals(0, json(m).path("openOrders").asLong());
    stack.dynamoDb().updateItem(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS("MANAGER#" + id),
        "sk", AttributeValue.fromS("MANAGER"))).updateExpression("SET openOrders = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("4"))));
    JsonNode off = json(api.call(event("put-manager.json", Map.of("id", id),
        "{\"name\":\"Ирина\",\"email\":\"irina@example.com\",\"onShift\":false}")));
    assertEquals(4, off.path("openOrders").asLong(), "the counter survives a profile update");
    assertTrue(!off.path("onShift").asBoolean());
    assertEquals(Set.of("email", "onShift"), fields(api.call(event("put-manager.json", Map.of("id", id),
        "{\"name\":\"Ирина\",\"email\":\"nope\"}"))));
  }

  @Test
  void withoutASubClaimIs401() {
    APIGatewayV2HTTPEvent event = event("list-orders.json", null, null);
    event.getRequestContext().setAuthorizer(null);
    assertEquals(401, api.call(event).getStatusCode());
  }

  /** Registers customers straight through the shared customer store. */
  private record DynamoCustomerStoreHelper(AwsStack stack, String table) {
    String register() {
      var service = new dev.storeops.customers.CustomerService(
          new DynamoCustomerStore(stack.dynamoDb(), table), java.time.Clock.systemUTC(), "ru");
      return service.register(new CustomerRegistration("caller." + UUID.randomUUID() + "@example.com",
          "Пётр Звонков", "+79161234567", null, true, "ru")).id();
    }
  }
}
