package dev.storeops.stafffiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.s3.S3InvoiceFiles;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staffapi.StaffApiHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code GET /staff/orders/{id}/invoice} on the AWS stack: a presigned URL (10 minutes) of the order's invoice
 * under {@code invoices/} that downloads the stored PDF; 404 without an invoice or order; a manager only for their
 * own order. The route is staff-files'; the order, products and managers are made through staff-api, as staff do.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffInvoiceApiTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private AwsStack stack;
  private StaffApiHandler handler;
  private StaffFilesHandler files;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.handler = new StaffApiHandler(stack.functionEnv("StaffApiFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    this.files = new StaffFilesHandler(stack.functionEnv("StaffFilesFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertEquals(200, as("owner", "[owner]", event("put-warehouse.json", Map.of("id", "spb-1"),
        "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}")).getStatusCode());
    for (String m : new String[] {"mgr-a-" + run, "mgr-b-" + run}) {
      assertEquals(200, as("owner", "[owner]", event("put-manager.json", Map.of("id", m),
          "{\"name\":\"Менеджер\",\"email\":\"" + m + "@shop.example.com\",\"onShift\":true}")).getStatusCode());
    }
  }

  @Test
  void staffDownloadTheStoredInvoiceThroughAShortLivedLink() throws Exception {
    String orderId = order();
    APIGatewayV2HTTPResponse none = invoice("owner", "[owner]", event("get-order-invoice.json", Map.of("id", orderId), null));
    assertEquals(404, none.getStatusCode(), none.getBody());
    assertTrue(none.getHeaders().get("Content-Type").startsWith("application/problem+json"));

    byte[] pdf = ("%PDF-1.7 invoice of " + orderId).getBytes(StandardCharsets.UTF_8);
    stack.s3().putObject(p -> p.bucket(stack.bucketName("SupplierBucket")).key(S3InvoiceFiles.key(orderId))
        .contentType("application/pdf"), RequestBody.fromBytes(pdf));

    APIGatewayV2HTTPResponse r = invoice("owner", "[owner]", event("get-order-invoice.json", Map.of("id", orderId), null));
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode body = json(r.getBody());
    assertEquals(orderId, body.path("orderId").asText());
    assertEquals(NOW.plusSeconds(600).toString(), body.path("expiresAt").asText());
    String url = body.path("url").asText();
    assertTrue(url.contains(S3InvoiceFiles.key(orderId)) && url.contains("X-Amz-Signature="), url);
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertArrayEquals(pdf, download.body());

    // a manager: only for their own order; marketing: not at all
    String mine = "mgr-a-" + run;
    assertEquals(200, as("owner", "[owner]", event("reassign-order.json", Map.of("id", orderId),
        "{\"managerId\":\"" + mine + "\"}")).getStatusCode());
    assertEquals(200, invoice(mine, "[manager]", event("get-order-invoice.json", Map.of("id", orderId), null))
        .getStatusCode());
    APIGatewayV2HTTPResponse other = invoice("mgr-b-" + run, "[manager]",
        event("get-order-invoice.json", Map.of("id", orderId), null));
    assertEquals(403, other.getStatusCode());
    assertTrue(other.getBody().contains("is not yours"), other.getBody());
    assertEquals(403, invoice("mkt", "[marketing]", event("get-order-invoice.json", Map.of("id", orderId), null))
        .getStatusCode());
  }

  @Test
  void anUnknownOrderIsA404() {
    APIGatewayV2HTTPResponse r = invoice("owner", "[owner]", event("get-order-invoice.json",
        Map.of("id", "ord_nope" + run), null));
    assertEquals(404, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("Order ord_nope" + run), r.getBody());
  }

  /** A phone order taken by the owner; returns its id. */
  private String order() {
    String customerId = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), table), Clock.systemUTC(), "ru")
        .register(new CustomerRegistration("inv." + UUID.randomUUID() + "@example.com", "Вера Счётова",
            "+79161234567", null, false, "ru")).id();
    String sku = "I-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ObjectNode product = (ObjectNode) json(event("put-product.json", null, null).getBody());
    product.put("vatCode", 4);
    APIGatewayV2HTTPResponse put = as("owner", "[owner]", event("put-product.json", Map.of("sku", sku),
        product.toString()));
    assertEquals(200, put.getStatusCode(), put.getBody());
    assertEquals(4, json(put.getBody()).path("vatCode").asInt(), "the product's 54-FZ VAT code is kept");
    assertEquals(200, as("owner", "[owner]", event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"),
        "{\"onHand\":5}")).getStatusCode());
    APIGatewayV2HTTPEvent create = event("create-order.json", null, null);
    ObjectNode body = (ObjectNode) json(create.getBody());
    body.put("customerId", customerId);
    body.putArray("lines").addObject().put("sku", sku).put("qty", 1);
    create.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(create.getHeaders());
    headers.put("idempotency-key", UUID.randomUUID().toString());
    create.setHeaders(headers);
    APIGatewayV2HTTPResponse created = as("owner", "[owner]", create);
    assertEquals(201, created.getStatusCode(), created.getBody());
    return json(created.getBody()).path("id").asText();
  }

  private static APIGatewayV2HTTPEvent event(String fixture, Map<String, String> path, String body) {
    String function = fixture.equals("get-order-invoice.json") ? "staff-files" : "staff-api";
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + function + "/" + fixture);
    if (path != null) {
      event.setPathParameters(path);
    }
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  /** The invoice route: staff-files. */
  private APIGatewayV2HTTPResponse invoice(String sub, String groups, APIGatewayV2HTTPEvent event) {
    claims(sub, groups, event);
    return files.handleRequest(event, null);
  }

  private static void claims(String sub, String groups, APIGatewayV2HTTPEvent event) {
    Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("sub", sub);
    claims.put("cognito:groups", groups);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
  }

  private APIGatewayV2HTTPResponse as(String sub, String groups, APIGatewayV2HTTPEvent event) {
    Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("sub", sub);
    claims.put("cognito:groups", groups);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return handler.handleRequest(event, null);
  }

  private static JsonNode json(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
