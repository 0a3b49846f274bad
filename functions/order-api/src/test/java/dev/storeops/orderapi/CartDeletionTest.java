package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DELETE /carts/{id} without DeleteItem (the public order-api may not delete from the table): the cart
 * becomes a tombstone that reads as absent, leaves the open-cart and due indexes, and expires by TTL.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartDeletionTest {
  private AwsStack stack;
  private OrderApiHandler handler;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
  }

  private static APIGatewayV2HTTPEvent event(String fixture, String id, Map<String, String> headers) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/" + fixture);
    event.setPathParameters(Map.of("id", id));
    Map<String, String> h = event.getHeaders() == null ? Map.of() : event.getHeaders();
    for (var entry : headers.entrySet()) {
      h = OrderApiTest.withHeader(h, entry.getKey(), entry.getValue());
    }
    event.setHeaders(h);
    return event;
  }

  /** A registered customer's cart (PUT with the customer's own token); returns the cart token. */
  private String putCart(String id) throws Exception {
    APIGatewayV2HTTPEvent register = EventLoader.loadApiGatewayHttpEvent("events/order-api/register-customer.json");
    register.setBody(register.getBody().replace("anna.petrova@example.com", "del." + UUID.randomUUID() + "@example.com"));
    JsonNode customer = Json.mapper().readTree(handler.handleRequest(register, null).getBody());
    APIGatewayV2HTTPEvent put = event("put-cart.json", id, Map.of("X-Customer-Token", customer.path("accessToken").asText()));
    put.setBody(put.getBody().replace("cus_01jcustomer0000000000000", customer.path("id").asText()));
    APIGatewayV2HTTPResponse created = handler.handleRequest(put, null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    return Json.mapper().readTree(created.getBody()).path("cartToken").asText();
  }

  private Map<String, AttributeValue> item(String id) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("CART#" + id), "sk", AttributeValue.fromS("CART")))).item();
  }

  @Test
  void aDeletedCartReadsAsGoneLeavesTheIndexesAndExpiresByTtl() throws Exception {
    String id = "cart-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> token = Map.of("X-Cart-Token", putCart(id));
    assertTrue(item(id).containsKey("duePk"), "an open cart of a known customer is due for the abandoned-cart mail");

    long before = Instant.now().getEpochSecond();
    assertEquals(204, handler.handleRequest(event("delete-cart.json", id, token), null).getStatusCode());

    APIGatewayV2HTTPResponse read = handler.handleRequest(event("get-cart.json", id, token), null);
    assertEquals(404, read.getStatusCode(), read.getBody());
    assertEquals(404, handler.handleRequest(event("delete-cart.json", id, token), null).getStatusCode(), "deleted once");

    Map<String, AttributeValue> tombstone = item(id);
    assertEquals("DELETED", tombstone.get("status").s());
    assertTrue(Long.parseLong(tombstone.get("ttl").n()) >= before, tombstone.toString());
    for (String index : new String[] {"gsi2pk", "gsi2sk", "duePk", "dueSk"}) {
      assertFalse(tombstone.containsKey(index), index + " must be gone: " + tombstone);
    }

    // the same id can be used again: a fresh cart with a new token
    Map<String, String> fresh = Map.of("X-Cart-Token", putCart(id));
    assertEquals(200, handler.handleRequest(event("get-cart.json", id, fresh), null).getStatusCode());
    assertEquals(404, handler.handleRequest(event("get-cart.json", id, token), null).getStatusCode(), "old token");
    assertFalse(item(id).containsKey("deletedAt"));
  }

  @Test
  void deletingAnUnknownCartIs404() {
    assertEquals(404, handler.handleRequest(event("delete-cart.json", "cart-never-" + UUID.randomUUID().toString()
        .substring(0, 8), Map.of("X-Cart-Token", "any")), null).getStatusCode());
  }
}
