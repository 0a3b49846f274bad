package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
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

  private static APIGatewayV2HTTPEvent event(String fixture, String id) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/" + fixture);
    event.setPathParameters(Map.of("id", id));
    return event;
  }

  private Map<String, AttributeValue> item(String id) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("CART#" + id), "sk", AttributeValue.fromS("CART")))).item();
  }

  @Test
  void aDeletedCartReadsAsGoneLeavesTheIndexesAndExpiresByTtl() {
    String id = "cart-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(200, handler.handleRequest(event("put-cart.json", id), null).getStatusCode());
    assertTrue(item(id).containsKey("duePk"), "an open cart of a known customer is due for the abandoned-cart mail");

    long before = Instant.now().getEpochSecond();
    assertEquals(204, handler.handleRequest(event("delete-cart.json", id), null).getStatusCode());

    APIGatewayV2HTTPResponse read = handler.handleRequest(event("get-cart.json", id), null);
    assertEquals(404, read.getStatusCode(), read.getBody());
    assertEquals(404, handler.handleRequest(event("delete-cart.json", id), null).getStatusCode(), "deleted once");

    Map<String, AttributeValue> tombstone = item(id);
    assertEquals("DELETED", tombstone.get("status").s());
    assertTrue(Long.parseLong(tombstone.get("ttl").n()) >= before, tombstone.toString());
    for (String index : new String[] {"gsi2pk", "gsi2sk", "duePk", "dueSk"}) {
      assertFalse(tombstone.containsKey(index), index + " must be gone: " + tombstone);
    }

    // the same id can be used again: a fresh cart
    APIGatewayV2HTTPResponse again = handler.handleRequest(event("put-cart.json", id), null);
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals(200, handler.handleRequest(event("get-cart.json", id), null).getStatusCode());
    assertFalse(item(id).containsKey("deletedAt"));
  }

  @Test
  void deletingAnUnknownCartIs404() {
    assertEquals(404, handler.handleRequest(event("delete-cart.json", "cart-never-" + UUID.randomUUID().toString()
        .substring(0, 8)), null).getStatusCode());
  }
}
