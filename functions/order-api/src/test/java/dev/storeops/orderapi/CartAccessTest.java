package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Carts need their cart token; a customer is attached only with that customer's own token (issue 13). */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartAccessTest {
  private AwsStack stack;
  private OrderApiHandler handler;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
  }

  private static APIGatewayV2HTTPEvent cartEvent(String fixture, String cartId, Map<String, String> headers) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/order-api/" + fixture);
    e.setPathParameters(Map.of("id", cartId));
    Map<String, String> h = e.getHeaders() == null ? Map.of() : e.getHeaders();
    for (var entry : headers.entrySet()) {
      h = OrderApiTest.withHeader(h, entry.getKey(), entry.getValue());
    }
    e.setHeaders(h);
    return e;
  }

  private static APIGatewayV2HTTPEvent put(String cartId, String body, Map<String, String> headers) {
    APIGatewayV2HTTPEvent e = cartEvent("put-cart.json", cartId, headers);
    e.setBody(body);
    return e;
  }

  /** A registered customer: id and access token. */
  private String[] customer() throws Exception {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/order-api/register-customer.json");
    e.setBody(e.getBody().replace("anna.petrova@example.com", "cart." + UUID.randomUUID() + "@example.com"));
    JsonNode body = Json.mapper().readTree(handler.handleRequest(e, null).getBody());
    return new String[] {body.path("id").asText(), body.path("accessToken").asText()};
  }

  private Map<String, AttributeValue> item(String cartId) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", AttributeValue.fromS("CART#" + cartId), "sk", AttributeValue.fromS("CART")))).item();
  }

  @Test
  void aCreateRetriedAfterALostAnswerWithTheTokenTheStorefrontChoseFindsTheSameCart() throws Exception {
    String cartId = "cart-" + UUID.randomUUID();
    String chosen = UUID.randomUUID().toString().replace("-", "") + "Ab_1";
    String body = "{\"lines\":[{\"sku\":\"TEA-1\",\"qty\":2}]}";
    APIGatewayV2HTTPResponse first = handler.handleRequest(put(cartId, body, Map.of("X-Cart-Token", chosen)), null);
    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals(chosen, Json.mapper().readTree(first.getBody()).path("cartToken").asText());
    assertFalse(item(cartId).toString().contains(chosen), "only the token's hash is stored");
    // the answer was lost: the storefront sends the same request again
    APIGatewayV2HTTPResponse retry = handler.handleRequest(put(cartId, body, Map.of("X-Cart-Token", chosen)), null);
    assertEquals(200, retry.getStatusCode(), retry.getBody());
    JsonNode again = Json.mapper().readTree(retry.getBody());
    assertEquals(cartId, again.path("id").asText());
    assertEquals(2, again.path("lines").path(0).path("qty").asInt());
    assertTrue(again.path("cartToken").isMissingNode(), "the token is not answered again");
    assertEquals(200, handler.handleRequest(cartEvent("get-cart.json", cartId, Map.of("X-Cart-Token", chosen)), null)
        .getStatusCode());
    // another storefront cannot take the cart with a token of its own
    APIGatewayV2HTTPResponse other = handler.handleRequest(put(cartId, body,
        Map.of("X-Cart-Token", UUID.randomUUID().toString().replace("-", ""))), null);
    assertEquals(404, other.getStatusCode(), other.getBody());
    // a token too short to be a secret is not taken: the shop chooses one
    String shortCart = "cart-" + UUID.randomUUID();
    APIGatewayV2HTTPResponse weak = handler.handleRequest(put(shortCart, body, Map.of("X-Cart-Token", "abc")), null);
    assertEquals(201, weak.getStatusCode(), weak.getBody());
    assertFalse("abc".equals(Json.mapper().readTree(weak.getBody()).path("cartToken").asText()));
  }

  @Test
  void readsAndWritesWithoutTheCartTokenAre404AndChangeNothing() throws Exception {
    String cartId = "cart-" + UUID.randomUUID();
    APIGatewayV2HTTPResponse created = handler.handleRequest(put(cartId, "{\"lines\":[{\"sku\":\"TEA-1\",\"qty\":2}]}", Map.of()), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String token = Json.mapper().readTree(created.getBody()).path("cartToken").asText();
    assertFalse(item(cartId).toString().contains(token), "only the token's hash is stored");

    for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("X-Cart-Token", "wrong"))) {
      APIGatewayV2HTTPResponse read = handler.handleRequest(cartEvent("get-cart.json", cartId, headers), null);
      assertEquals(404, read.getStatusCode());
      assertFalse(read.getBody().contains("TEA-1"));
      APIGatewayV2HTTPResponse overwrite = handler.handleRequest(
          put(cartId, "{\"lines\":[{\"sku\":\"EVIL-1\",\"qty\":9}]}", headers), null);
      assertEquals(404, overwrite.getStatusCode(), overwrite.getBody());
      assertEquals(404, handler.handleRequest(cartEvent("delete-cart.json", cartId, headers), null).getStatusCode());
    }
    assertTrue(item(cartId).get("lines").toString().contains("TEA-1"), "the cart is unchanged");

    APIGatewayV2HTTPResponse mine = handler.handleRequest(cartEvent("get-cart.json", cartId, Map.of("X-Cart-Token", token)), null);
    assertEquals(200, mine.getStatusCode());
    APIGatewayV2HTTPResponse update = handler.handleRequest(
        put(cartId, "{\"lines\":[{\"sku\":\"TEA-1\",\"qty\":3}]}", Map.of("X-Cart-Token", token)), null);
    assertEquals(200, update.getStatusCode(), update.getBody());
    assertFalse(Json.mapper().readTree(update.getBody()).has("cartToken"), "the token is shown once");
  }

  @Test
  void aCustomerIsAttachedOnlyWithThatCustomersOwnToken() throws Exception {
    String[] victim = customer();
    String[] attacker = customer();
    String cartId = "cart-" + UUID.randomUUID();
    String body = "{\"customerId\":\"" + victim[0] + "\",\"lines\":[{\"sku\":\"TEA-1\",\"qty\":1}]}";

    APIGatewayV2HTTPResponse anonymous = handler.handleRequest(put(cartId, body, Map.of()), null);
    assertEquals(403, anonymous.getStatusCode(), anonymous.getBody());
    assertEquals("customerId", Json.mapper().readTree(anonymous.getBody()).path("errors").get(0).path("field").asText());
    assertTrue(item(cartId).isEmpty(), "nothing stored: no abandoned-cart mail to the stranger");

    APIGatewayV2HTTPResponse othersToken = handler.handleRequest(
        put(cartId, body, Map.of("X-Customer-Token", attacker[1])), null);
    assertEquals(403, othersToken.getStatusCode());
    assertTrue(item(cartId).isEmpty());

    APIGatewayV2HTTPResponse own = handler.handleRequest(put(cartId, body, Map.of("X-Customer-Token", victim[1])), null);
    assertEquals(201, own.getStatusCode(), own.getBody());
    JsonNode view = Json.mapper().readTree(own.getBody());
    assertTrue(view.path("customerAttached").asBoolean());
    assertFalse(view.has("customerId"), "the cart view carries no customer id");
    assertEquals(victim[0], item(cartId).get("customerId").s());

    // the cart's owner may keep saving it (the customer stays attached) with the cart token alone
    String token = view.path("cartToken").asText();
    APIGatewayV2HTTPResponse again = handler.handleRequest(put(cartId, body, Map.of("X-Cart-Token", token)), null);
    assertEquals(200, again.getStatusCode(), again.getBody());
    // …but switching it to another customer needs that customer's token
    String switched = body.replace(victim[0], attacker[0]);
    assertEquals(403, handler.handleRequest(put(cartId, switched, Map.of("X-Cart-Token", token)), null).getStatusCode());

    JsonNode read = Json.mapper().readTree(handler.handleRequest(
        cartEvent("get-cart.json", cartId, Map.of("X-Cart-Token", token)), null).getBody());
    assertNull(read.get("customerId"));
    assertFalse(read.toString().contains(victim[0]));
  }
}
