package dev.storeops.stafffiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.ImportReportId;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.http.ApiCalls;
import dev.storeops.stack.junit.WithAwsStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The staff console's supplier files through staff-files on the AWS stack (moved here from staff-api with the
 * routes, same answers): import reports with the presigned link to the rejected rows, the reports paged newest
 * first with the API's cursor, a bad limit or cursor a 400 naming the field, the presigned upload into
 * incoming/ and who may use it.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSupplierFilesApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private AwsStack stack;
  private StaffFilesHandler handler;
  private String bucket;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("StaffFilesFunction", StaffFilesHandler.class);
    this.bucket = stack.bucketName("SupplierBucket");
  }

  private APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, Map<String, String> query,
      String body, String sub, String groups) {
    APIGatewayV2HTTPEvent fixed = EventLoader.loadApiGatewayHttpEvent("events/staff-files/" + fixture);
    APIGatewayV2HTTPEvent event = ApiCalls.request(fixed, path, query, body);
    return handler.handleRequest(sub == null ? event : ApiCalls.signedIn(event, sub, groups), null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    return ApiCalls.json(r);
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
  void importReportsPageNewestFirstEachOnce() {
    String sup = "pgs-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
          .format(Instant.now().minusSeconds(3600L * (i + 1)));
      String name = stamp + "-stock " + i + ".csv";
      names.add(dev.storeops.catalog.ImportReportId.of(name));
      stack.s3().putObject(o -> o.bucket(bucket).key("reports/" + sup + "/" + name + ".json"), RequestBody.fromString(
          "{\"supplierId\":\"" + sup + "\",\"status\":\"applied\",\"rowsRead\":1}", StandardCharsets.UTF_8));
    }
    List<JsonNode> pages = pages(cursor -> query("supplier", sup, "limit", "2", "cursor", cursor));
    assertEquals(3, pages.size(), pages.toString());
    List<String> seen = new ArrayList<>();
    pages.forEach(page -> page.path("reports").forEach(r -> seen.add(r.path("id").asText())));
    // newest first, each once
    assertEquals(names, seen);
  }

  @Test
  void aBadLimitOrCursorIsA400NamingTheField() {
    for (var bad : List.of(Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"),
        Map.of("cursor", "not-a-cursor"), Map.of("cursor", "e30"))) {
      APIGatewayV2HTTPResponse r = call("list-imports.json", null, bad, null, "owner-elena", "[owner]");
      assertEquals(400, r.getStatusCode(), bad + ": " + r.getBody());
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"), r.getHeaders().toString());
      assertEquals(bad.keySet().iterator().next(), json(r).path("errors").get(0).path("field").asText(), r.getBody());
    }
  }

  @Test
  void onlyTheRolesOfThePermissionTableReachTheSupplierFiles() {
    // StaffPermissions: owner and warehouse read the reports; marketing and a manager do not
    assertEquals(200, call("list-imports.json", null, Map.of(), null, "wh-sergey", "[warehouse]").getStatusCode());
    assertEquals(403, call("list-imports.json", null, Map.of(), null, "mkt-daria", "[marketing]").getStatusCode());
    assertEquals(403, call("get-import-report.json", Map.of("supplier", "x", "id", "y"), null, null, "mkt-daria",
        "[marketing]").getStatusCode());
  }

  /** Follows nextCursor from the first page to the last; the query builder takes the cursor (null first). */
  private List<JsonNode> pages(Function<String, Map<String, String>> query) {
    return ApiCalls.pages(cursor -> call("list-imports.json", null, query.apply(cursor), null, "owner-elena", "[owner]"));
  }

  private static Map<String, String> query(String... pairs) {
    return ApiCalls.query(pairs);
  }
}
