package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.http.ApiCalls;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The staff console's look-ups through the staff API on the AWS stack: customer search (phone in any
 * notation, e-mail, name prefix; a manager's name search limited to their customers), a SKU's stock per
 * warehouse, cancellations by reason as CSV and the team on shift (the supplier import reports and uploads are
 * staff-files': StaffSupplierFilesApiTest there).
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleApiTest {
  private AwsStack stack;
  private StaffApiHandler handler;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("StaffApiFunction", StaffApiHandler.class);
    this.table = stack.tableName("StoreTable");
    assertEquals(200, call("put-warehouse.json", Map.of("id", "msk-1"), null,
        "{\"name\":\"Склад в Москве\",\"city\":\"Москва\"}", "owner-elena", "[owner]").getStatusCode());
  }

  private APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, Map<String, String> query,
      String body, String sub, String groups) {
    APIGatewayV2HTTPEvent fixed = EventLoader.loadApiGatewayHttpEvent("events/staff-api/" + fixture);
    APIGatewayV2HTTPEvent event = ApiCalls.request(fixed, path, query, body);
    return handler.handleRequest(sub == null ? event : ApiCalls.signedIn(event, sub, groups), null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    return ApiCalls.json(r);
  }

  private static List<String> ids(JsonNode result) {
    List<String> ids = new java.util.ArrayList<>();
    result.path("customers").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private Customer customer(String id, String email, String name, String phone, String manager) {
    Customer c = new Customer(id, email, name, phone, null, false, null, "ru", Instant.parse("2026-11-01T10:00:00Z"),
        manager);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }

  @Test
  void customersAreFoundByPhoneInAnyNotationByEmailAndByNamePrefix() {
    String p = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String digits = String.valueOf(9_000_000_000L + Math.abs(p.hashCode() % 999_999_999));
    customer("cus_" + p + "a", p + "a@example.com", "Зоя Ёлкина" + p, "+7" + digits, "mgr-" + p);
    customer("cus_" + p + "b", p + "b@example.com", "Ярослав Ёлкин" + p, "+79" + digits.substring(1, 10) + "0", null);

    String eight = "8 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6, 8) + "-"
        + digits.substring(8);
    APIGatewayV2HTTPResponse byPhone = call("search-customers.json", null, Map.of("q", eight), null, null, null);
    assertEquals(200, byPhone.getStatusCode(), byPhone.getBody());
    assertEquals("PHONE", json(byPhone).path("kind").asText());
    assertEquals(List.of("cus_" + p + "a"), ids(json(byPhone)));

    JsonNode byEmail = json(call("search-customers.json", null, Map.of("q", " " + p.toUpperCase() + "B@Example.com"),
        null, null, null));
    assertEquals("EMAIL", byEmail.path("kind").asText());
    assertEquals(List.of("cus_" + p + "b"), ids(byEmail));

    // "елкин" (е for ё) finds both by their surname; the first name's start finds one
    JsonNode byName = json(call("search-customers.json", null, Map.of("q", "елкин"), null, null, null));
    assertTrue(ids(byName).containsAll(List.of("cus_" + p + "a", "cus_" + p + "b")), byName.toString());
    JsonNode byFirst = json(call("search-customers.json", null, Map.of("q", "Зоя ёлкина" + p), null, null, null));
    assertEquals(List.of("cus_" + p + "a"), ids(byFirst));

    // a manager: by name only their own customers, by the exact phone anyone's
    JsonNode mgrName = json(call("search-customers.json", null, Map.of("q", "елкин"), null, "mgr-" + p, "[manager]"));
    assertTrue(ids(mgrName).contains("cus_" + p + "a"));
    assertFalse(ids(mgrName).contains("cus_" + p + "b"), mgrName.toString());
    JsonNode mgrPhone = json(call("search-customers.json", null, Map.of("q", "+79" + digits.substring(1, 10) + "0"),
        null, "mgr-" + p, "[manager]"));
    assertEquals(List.of("cus_" + p + "b"), ids(mgrPhone));

    // bad queries are 400 naming q; the warehouse may not search customers
    APIGatewayV2HTTPResponse tooShort = call("search-customers.json", null, Map.of("q", "я"), null, null, null);
    assertEquals(400, tooShort.getStatusCode());
    assertTrue(tooShort.getBody().contains("\"q\""), tooShort.getBody());
    assertEquals(400, call("search-customers.json", null, null, null, null, null).getStatusCode());
    assertEquals(403, call("search-customers.json", null, Map.of("q", "елкин"), null, "wh-1", "[warehouse]")
        .getStatusCode());
  }

  @Test
  void anErasedCustomerIsNoLongerFound() {
    String p = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Customer c = customer("cus_" + p + "e", p + "e@example.com", "Эраст Удалёнов" + p, "+7495"
        + String.format("%07d", Math.abs(p.hashCode()) % 10_000_000), null);
    assertEquals(List.of(c.id()), ids(json(call("search-customers.json", null, Map.of("q", "удаленов" + p), null, null,
        null))));
    APIGatewayV2HTTPResponse erased = call("erase-customer.json", Map.of("id", c.id()), null, "{}", "owner-elena", "[owner]");
    assertEquals(200, erased.getStatusCode(), erased.getBody());
    assertEquals(List.of(), ids(json(call("search-customers.json", null, Map.of("q", "удаленов" + p), null, null, null))));
    assertEquals(List.of(), ids(json(call("search-customers.json", null, Map.of("q", c.phone()), null, null, null))));
  }

  @Test
  void aSkusStockPerWarehouse() {
    String sku = "CS-" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(200, call("put-product.json", Map.of("sku", sku), null, "{\"name\":\"Чай\",\"priceMinor\":100,"
        + "\"weightGrams\":100,\"lengthMm\":100,\"widthMm\":100,\"heightMm\":100}", "owner-elena", "[owner]").getStatusCode());
    String put = "{\"onHand\":7}";
    assertEquals(200, call("put-stock.json", Map.of("sku", sku, "warehouse", "msk-1"), null, put, "owner-elena", "[owner]")
        .getStatusCode());
    APIGatewayV2HTTPResponse r = call("get-sku-stock.json", Map.of("sku", sku), null, null, null, null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode body = json(r);
    assertEquals(7, body.path("onHand").asLong());
    assertEquals("Чай", body.path("name").asText());
    assertEquals(0, body.path("reserved").asLong());
    assertEquals("msk-1", body.path("warehouses").get(0).path("warehouse").asText());
    assertEquals(7, body.path("warehouses").get(0).path("available").asLong());
    assertEquals(404, call("get-sku-stock.json", Map.of("sku", "NOPE-" + sku), null, null, null, null).getStatusCode());
  }

  @Test
  void cancellationsByReasonAsJsonAndCsvAndTheTeam() {
    DynamoReportStore store = new DynamoReportStore(stack.dynamoDb(), table);
    String p = UUID.randomUUID().toString().substring(0, 8);
    LocalDate day = LocalDate.of(2034, 2, 1 + Math.abs(p.hashCode() % 27));
    var line = List.of(new OrderFacts.Line("CR-1", 1));
    store.apply(new OrderFacts("ord_" + p + "1", day, "SITE", 1000, line, false, null));
    store.apply(new OrderFacts("ord_" + p + "1", day, "SITE", 1000, line, true, "refused by the customer: too dear"));
    store.apply(new OrderFacts("ord_" + p + "2", day, "PHONE", 2000, line, true, "=out of stock"));
    Map<String, String> range = Map.of("from", day.toString(), "to", day.toString());
    JsonNode json = json(call("get-cancellations-report.json", null, range, null, null, null));
    assertEquals(2, json.path("cancelled").asInt(), json.toString());
    assertEquals(1, json.path("byReason").path("refused by the customer").asInt());
    Map<String, String> csvQuery = new HashMap<>(range);
    csvQuery.put("format", "csv");
    APIGatewayV2HTTPResponse csv = call("get-cancellations-report.json", null, csvQuery, null, null, null);
    assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"));
    assertTrue(csv.getBody().startsWith("reason,cancelled\r\n"), csv.getBody());
    assertTrue(csv.getBody().contains("'=out of stock,1"), csv.getBody());
    assertEquals(403, call("get-cancellations-report.json", null, range, null, "mgr-x", "[manager]").getStatusCode());

    String mgr = "mgr-" + p;
    assertEquals(200, call("put-manager.json", Map.of("id", mgr), null,
        "{\"name\":\"Тест " + p + "\",\"email\":\"t@example.com\",\"onShift\":true}", "owner-elena", "[owner]")
        .getStatusCode());
    JsonNode team = json(call("get-team.json", null, null, null, null, null));
    JsonNode me = null;
    for (JsonNode m : team.path("managers")) {
      if (m.path("id").asText().equals(mgr)) {
        me = m;
      }
    }
    assertTrue(me != null && me.path("onShift").asBoolean() && me.path("openTasks").asInt() == 0, team.toString());
    assertTrue(team.path("onShift").asInt() >= 1);
    assertEquals(403, call("get-team.json", null, null, null, "mgr-x", "[manager]").getStatusCode());
  }
}
