package dev.storeops.staffapi;

import static dev.storeops.platform.dynamo.Items.s;
import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.header;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The report routes of the staff API: JSON and CSV, parameter checks as problem+json. The figures
 * themselves are proven in the reports-stream tests; here the report items are written through the
 * same store the stream function uses.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffReportsApiTest {
  private StaffApiCalls api;
  private AwsStack stack;
  private DynamoReportStore store;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
    this.store = new DynamoReportStore(stack.dynamoDb(), stack.tableName("StoreTable"));
  }

  private APIGatewayV2HTTPResponse report(String fixture, Map<String, String> query, String accept) {
    return api.call(header(query(event(fixture, null, null), query), "accept", accept));
  }

  private void order(String id, String day, String channel, long total, boolean cancelled, String reason) {
    store.apply(new OrderFacts(id, LocalDate.parse(day), channel, total, List.of(new OrderFacts.Line("SR-1", 1)), false, null));
    if (cancelled) {
      store.apply(new OrderFacts(id, LocalDate.parse(day), channel, total, List.of(new OrderFacts.Line("SR-1", 1)), true, reason));
    }
  }

  @Test
  void salesAsJsonAndCsv() {
    String p = UUID.randomUUID().toString().substring(0, 8);
    order("ord_" + p + "a", "2033-05-01", "SITE", 10000, false, null);
    order("ord_" + p + "b", "2033-05-01", "PHONE", 30000, false, null);
    order("ord_" + p + "c", "2033-05-02", "EMAIL", 5000, true, "Out of stock");
    // the fixture asks for CSV by channel
    APIGatewayV2HTTPResponse csv = report("get-sales-report.json",
        Map.of("from", "2033-05-01", "to", "2033-05-02", "groupBy", "channel"), "text/csv");
    assertEquals(200, csv.getStatusCode(), csv.getBody());
    assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"));
    assertEquals("channel,orders,cancelled,net_orders,gross,cancelled_amount,revenue,average_check,cost,margin,margin_percent\r\n"
        + "SITE,1,0,1,100.00,0.00,100.00,100.00,0.00,100.00,100.0\r\n"
        + "PHONE,1,0,1,300.00,0.00,300.00,300.00,0.00,300.00,100.0\r\n"
        + "EMAIL,1,1,0,50.00,50.00,0.00,0.00,0.00,0.00,0.0\r\n"
        + "total,3,1,2,450.00,50.00,400.00,200.00,0.00,400.00,100.0\r\n", csv.getBody());

    APIGatewayV2HTTPResponse byDay = report("get-sales-report.json", Map.of("from", "2033-05-01", "to", "2033-05-02"),
        "application/json");
    assertEquals(200, byDay.getStatusCode(), byDay.getBody());
    JsonNode body = json(byDay);
    assertEquals("DAY", body.path("groupBy").asText());
    assertEquals("2033-05-01", body.path("rows").get(0).path("key").asText());
    assertEquals(40000, body.path("rows").get(0).path("revenueMinor").asLong());
    assertEquals(20000, body.path("total").path("averageCheckMinor").asLong());
    assertEquals(1, body.path("cancellationsByReason").path("out of stock").asLong());
  }

  @Test
  void badParametersAreProblemsNamingTheField() {
    Map<Map<String, String>, String> cases = new LinkedHashMap<>();
    cases.put(Map.of("from", "yesterday"), "from");
    cases.put(Map.of("from", "2033-05-03", "to", "2033-05-01"), "from");
    cases.put(Map.of("from", "2030-01-01", "to", "2033-01-01"), "to");
    cases.put(Map.of("groupBy", "week"), "groupBy");
    cases.forEach((query, field) -> {
      APIGatewayV2HTTPResponse r = report("get-sales-report.json", query, "application/json");
      assertEquals(400, r.getStatusCode(), r.getBody());
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
      assertEquals(field, json(r).path("errors").get(0).path("field").asText(), r.getBody());
    });
    APIGatewayV2HTTPResponse days = report("get-expiring-report.json", Map.of("days", "-3"), "application/json");
    assertEquals(400, days.getStatusCode());
    APIGatewayV2HTTPResponse supplier = report("get-purchase-list.json", Map.of("supplier", "../etc"), "application/json");
    assertEquals(400, supplier.getStatusCode());
    APIGatewayV2HTTPResponse unknown = report("get-purchase-list.json", Map.of("supplier", "nobody-" + UUID.randomUUID()),
        "application/json");
    assertEquals(404, unknown.getStatusCode());
  }

  @Test
  void purchaseListOfASupplierWithItsLeadTime() {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    String table = stack.tableName("StoreTable");
    // the profile's terms as stock-import records them when the profile is saved or read (no S3 here)
    new dev.storeops.reporting.dynamo.DynamoSupplierTerms(stack.dynamoDb(), table, java.time.Clock.systemUTC())
        .record(sup, 5);
    stack.dynamoDb().putItem(x -> x.tableName(table).item(Map.of("pk", s("WAREHOUSE#msk-1"), "sk", s("WAREHOUSE"),
        "id", s("msk-1"), "gsi1pk", s("WAREHOUSES"), "gsi1sk", s("msk-1"))));
    String sku = sup + "-A";
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stock = new HashMap<>(Map.of(
        "pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"), "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"),
        "supplierId", s(sup), "gsi1pk", s("SUPPLIER#" + sup + "#msk-1"), "gsi1sk", s("SKU#" + sku)));
    stock.put("onHand", dev.storeops.platform.dynamo.Items.n(2));
    stock.put("reserved", dev.storeops.platform.dynamo.Items.n(0));
    stock.put("available", dev.storeops.platform.dynamo.Items.n(2));
    stack.dynamoDb().putItem(x -> x.tableName(table).item(stock));
    // sold yesterday (in the shop's zone): 30 in the window → 1/day; 2 left ≤ 1 × 5 → listed;
    // suggested ceil(30 × (5 + 14) / 30) − 2 = 17
    LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).minusDays(1);
    store.apply(new OrderFacts("ord_" + sup, yesterday, "SITE", 100, List.of(new OrderFacts.Line(sku, 30)), false, null));
    APIGatewayV2HTTPResponse r = report("get-purchase-list.json", Map.of("supplier", sup), "application/json");
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode list = json(r).path("suppliers").get(0);
    assertEquals(5, list.path("leadTimeDays").asInt());
    assertEquals(sku, list.path("lines").get(0).path("sku").asText());
    assertEquals(17, list.path("lines").get(0).path("suggestedQty").asLong());
    APIGatewayV2HTTPResponse csv = report("get-purchase-list.json", Map.of("supplier", sup, "coverDays", "0"), "text/csv");
    assertEquals(sup + "," + sku + ",2,30,30,1.0,2.0,5,0,3", csv.getBody().split("\r\n")[1]);
  }
}
