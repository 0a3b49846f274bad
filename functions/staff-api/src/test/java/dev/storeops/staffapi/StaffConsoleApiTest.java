package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.ImportReportId;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.json.Json;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The staff console's look-ups through the staff API on the AWS stack: customer search (phone in any
 * notation, e-mail, name prefix; a manager's name search limited to their customers), a SKU's stock per
 * warehouse, supplier import reports with the presigned link to the rejected rows, the presigned upload
 * into incoming/, cancellations by reason as CSV and the team on shift.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private AwsStack stack;
  private StaffApiHandler handler;
  private String table;
  private String bucket;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("StaffApiFunction", StaffApiHandler.class);
    this.table = stack.tableName("StoreTable");
    this.bucket = stack.bucketName("SupplierBucket");
    assertEquals(200, call("put-warehouse.json", Map.of("id", "msk-1"), null,
        "{\"name\":\"Склад в Москве\",\"city\":\"Москва\"}", "owner-elena", "[owner]").getStatusCode());
  }

  private APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, Map<String, String> query,
      String body, String sub, String groups) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/staff-api/" + fixture);
    if (path != null) {
      event.setPathParameters(path);
    }
    event.setQueryStringParameters(query);
    if (body != null) {
      event.setBody(body);
    }
    if (sub != null) {
      var claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
      claims.put("sub", sub);
      claims.put("cognito:groups", groups);
      event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    }
    return handler.handleRequest(event, null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    try {
      return Json.mapper().readTree(r.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(r.getBody(), e);
    }
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
  void importReportsWithTheirRejectedRowsAndALinkToTheFile() throws Exception {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 6);
    stack.s3().putObject(o -> o.bucket(bucket).key("profiles/" + sup + ".json"),
        RequestBody.fromString("{\"supplierId\":\"" + sup + "\",\"warehouse\":\"msk-1\"}"));
    String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
        .format(Instant.now().minusSeconds(3600));
    String name = stamp + "-остатки 1.csv";
    String rejectedKey = "reports/" + sup + "/" + name + "-rejected.csv";
    stack.s3().putObject(o -> o.bucket(bucket).key("reports/" + sup + "/" + name + ".json"), RequestBody.fromString(
        "{\"supplierId\":\"" + sup + "\",\"file\":\"incoming/" + sup + "/остатки 1.csv\",\"status\":\"applied\","
            + "\"rowsRead\":4,\"dataRows\":3,\"updated\":1,\"rejectedCount\":2,\"rejected\":[{\"row\":3,\"reason\":\"quantity"
            + " not readable: 'abc'\"},{\"row\":4,\"reason\":\"no SKU\"}],\"rejectedRowsFile\":\"" + rejectedKey + "\"}",
        StandardCharsets.UTF_8));
    stack.s3().putObject(o -> o.bucket(bucket).key(rejectedKey),
        RequestBody.fromString("row,reason\r\n3,quantity not readable: 'abc'\r\n4,no SKU\r\n", StandardCharsets.UTF_8));
    // an old report (outside the window) is not listed
    String old = "20200101T000000Z-old.csv";
    stack.s3().putObject(o -> o.bucket(bucket).key("reports/" + sup + "/" + old + ".json"),
        RequestBody.fromString("{\"status\":\"applied\"}"));

    APIGatewayV2HTTPResponse list = call("list-imports.json", null, Map.of("supplier", sup), null, null, null);
    assertEquals(200, list.getStatusCode(), list.getBody());
    JsonNode reports = json(list).path("reports");
    assertEquals(1, reports.size(), reports.toString());
    assertEquals(ImportReportId.of(name), reports.get(0).path("id").asText());
    assertEquals(2, reports.get(0).path("rejectedCount").asInt());
    assertTrue(json(list).path("suppliers").toString().contains(sup));

    APIGatewayV2HTTPResponse one = call("get-import-report.json",
        Map.of("supplier", sup, "id", ImportReportId.of(name)), null, null, null, null);
    assertEquals(200, one.getStatusCode(), one.getBody());
    JsonNode report = json(one);
    assertEquals(2, report.path("rejected").size());
    assertEquals("no SKU", report.path("rejected").get(1).path("reason").asText());
    // the presigned link reads the rejected rows from the bucket without any other credential
    HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(report.path("rejectedRowsUrl").asText()))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, file.statusCode(), file.body());
    assertTrue(file.body().contains("4,no SKU"));

    assertEquals(404, call("get-import-report.json", Map.of("supplier", sup, "id", ImportReportId.of("nope")), null,
        null, null, null).getStatusCode());
    assertEquals(404, call("get-import-report.json", Map.of("supplier", sup, "id", "!!"), null, null, null, null)
        .getStatusCode());
    assertEquals(400, call("list-imports.json", null, Map.of("supplier", sup, "days", "0"), null, null, null)
        .getStatusCode());
  }

  @Test
  void aPresignedUploadLandsInTheSuppliersDropZone() throws Exception {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 6);
    stack.s3().putObject(o -> o.bucket(bucket).key("profiles/" + sup + ".json"),
        RequestBody.fromString("{\"supplierId\":\"" + sup + "\",\"warehouse\":\"msk-1\"}"));
    APIGatewayV2HTTPResponse r = call("upload-supplier-file.json", Map.of("id", sup), null,
        "{\"fileName\":\"C:\\\\fakepath\\\\остатки.csv\"}", null, null);
    assertEquals(201, r.getStatusCode(), r.getBody());
    JsonNode upload = json(r);
    String key = upload.path("key").asText();
    assertTrue(key.startsWith("incoming/" + sup + "/") && key.endsWith("-остатки.csv"), key);
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
        .PUT(HttpRequest.BodyPublishers.ofString("Артикул;Остаток\nA-1;5\n")).header("Content-Type", "text/csv")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, put.statusCode(), put.body());
    assertEquals("Артикул;Остаток\nA-1;5\n",
        stack.s3().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));

    APIGatewayV2HTTPResponse bad = call("upload-supplier-file.json", Map.of("id", sup), null,
        "{\"fileName\":\"stock.exe\"}", null, null);
    assertEquals(400, bad.getStatusCode());
    assertTrue(bad.getBody().contains("fileName"));
    assertEquals(404, call("upload-supplier-file.json", Map.of("id", "no-such-" + sup), null,
        "{\"fileName\":\"stock.csv\"}", null, null).getStatusCode());
    assertEquals(403, call("upload-supplier-file.json", Map.of("id", sup), null, "{\"fileName\":\"stock.csv\"}",
        "mgr-x", "[manager]").getStatusCode());
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
