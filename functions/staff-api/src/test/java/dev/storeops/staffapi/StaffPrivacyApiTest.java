package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.ErasedReferences;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /staff/customers/{id}/export} and {@code POST /staff/customers/{id}/erase} through the
 * handler on the AWS stack: the export of a customer with a phone order, the erasure refused while the
 * order is open, done after it is cancelled, repeated with the same answer; 404 and 400 as problem+json.
 * What the erasure leaves in the table is proven by it/CustomerErasureTest.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPrivacyApiTest {
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private AwsStack stack;
  private StaffApiCalls api;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack, clock);
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
  }

  private String phoneOrder(String customerId) {
    String sku = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":5}"))
        .getStatusCode());
    APIGatewayV2HTTPResponse created = api.call(newOrder(customerId, sku, 1, Map.of()));
    assertEquals(201, created.getStatusCode(), created.getBody());
    return json(created.getBody()).get("id").asText();
  }

  @Test
  void exportThenEraseOnceTheOrderIsDoneThenTheSameAnswer() {
    String email = "privacy." + UUID.randomUUID() + "@example.com";
    String customerId = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable")),
        clock, "ru").register(new CustomerRegistration(email, "Вера Приватова", "+79161112233", null, true, "ru")).id();
    String orderId = phoneOrder(customerId);
    Map<String, String> path = Map.of("id", customerId);

    APIGatewayV2HTTPResponse exported = api.call(event("export-customer.json", path, null));
    assertEquals(200, exported.getStatusCode(), exported.getBody());
    assertTrue(exported.getHeaders().get("Content-Disposition").contains("customer-" + customerId + ".json"));
    JsonNode data = json(exported.getBody());
    assertEquals(email, data.get("profile").get("email").asText());
    // consent ticked on a form is pending until the double opt-in link is confirmed; the export shows its history
    assertFalse(data.get("consent").get("marketingConsent").asBoolean());
    assertTrue(data.get("consent").hasNonNull("consentPendingSince"), exported.getBody());
    assertEquals("GIVEN", data.get("consent").get("history").get(0).get("kind").asText(), exported.getBody());
    assertEquals(orderId, data.get("orders").get(0).get("id").asText());
    assertTrue(data.has("mails") && data.has("tasks") && data.has("carts"), exported.getBody());

    APIGatewayV2HTTPResponse blocked = api.call(event("erase-customer.json", path, null));
    assertEquals(409, blocked.getStatusCode(), blocked.getBody());
    assertTrue(blocked.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertTrue(blocked.getBody().contains(orderId), blocked.getBody());

    assertEquals(200, api.call(event("cancel-order.json", Map.of("id", orderId), null)).getStatusCode());
    APIGatewayV2HTTPResponse erased = api.call(event("erase-customer.json", path, null));
    assertEquals(200, erased.getStatusCode(), erased.getBody());
    JsonNode record = json(erased.getBody());
    assertEquals(ErasedReferences.reference(customerId), record.get("reference").asText());
    assertEquals("owner-anna", record.get("erasedBy").asText());
    assertEquals(1, record.get("items").get("orders").asInt());

    APIGatewayV2HTTPResponse again = api.call(event("erase-customer.json", path, null));
    assertEquals(200, again.getStatusCode());
    assertEquals(record, json(again.getBody()));
    assertEquals(404, api.call(event("export-customer.json", path, null)).getStatusCode());
    // the dossier is gone with the profile
    assertEquals(404, api.call(event("get-customer.json", path, null)).getStatusCode());
  }

  @Test
  void unknownCustomerIs404AndAMalformedIdIs400() {
    APIGatewayV2HTTPResponse unknown = api.call(event("erase-customer.json", Map.of("id", "cus_never_was"), null));
    assertEquals(404, unknown.getStatusCode(), unknown.getBody());
    APIGatewayV2HTTPResponse bad = api.call(event("export-customer.json", Map.of("id", "x".repeat(101)), null));
    assertEquals(400, bad.getStatusCode(), bad.getBody());
    assertTrue(bad.getBody().contains("\"field\":\"id\""), bad.getBody());
  }
}
