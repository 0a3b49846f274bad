package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.ids.TokenHash;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST/GET /customers through API Gateway v2 events, on the AWS stack built from template.yaml. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerApiTest {
  private AwsStack stack;
  private OrderApiHandler handler;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
  }

  private static APIGatewayV2HTTPEvent registration(String email) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/register-customer.json");
    event.setBody(event.getBody().replace("anna.petrova@example.com", email));
    return event;
  }

  private static APIGatewayV2HTTPEvent get(String id) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/get-customer.json");
    event.setPathParameters(Map.of("id", id));
    return event;
  }

  private static APIGatewayV2HTTPEvent get(String id, String token) {
    APIGatewayV2HTTPEvent event = get(id);
    event.setHeaders(OrderApiTest.withHeader(event.getHeaders(), "X-Customer-Token", token));
    return event;
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.mapper().readTree(response.getBody());
  }

  private static String uniqueEmail() {
    return "anna." + UUID.randomUUID() + "@example.com";
  }

  @Test
  void registersACustomerAndReadsItBack() throws Exception {
    String email = uniqueEmail();
    APIGatewayV2HTTPResponse created = handler.handleRequest(registration(email), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode body = json(created);
    String id = body.path("id").asText();
    assertTrue(id.startsWith("cus_"));
    assertEquals("/customers/" + id, created.getHeaders().get("Location"));
    assertEquals("+79123456789", body.path("phone").asText());

    String token = body.path("accessToken").asText();
    assertTrue(token.length() >= 40, "the customer's access token is returned once");

    APIGatewayV2HTTPResponse read = handler.handleRequest(get(id, token), null);
    assertEquals(200, read.getStatusCode());
    JsonNode customer = json(read);
    assertEquals(email, customer.path("email").asText());
    assertEquals("Анна Петрова", customer.path("name").asText());
    assertEquals("1990-05-17", customer.path("birthday").asText());
    assertFalse(customer.has("accessToken"));
    assertFalse(customer.has("accessTokenHash"));
    assertFalse(customer.path("marketingConsent").asBoolean(), "consent waits for the double opt-in");
    assertTrue(customer.hasNonNull("consentPendingSince"));
    assertEquals("GIVEN", customer.path("consentHistory").get(0).path("kind").asText());
    assertEquals("POST /customers", customer.path("consentHistory").get(0).path("source").asText());
    assertEquals("ru", customer.path("locale").asText());

    var item = stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("StoreTable"))
        .key(Map.of("pk", AttributeValue.fromS("CUSTOMER#" + id), "sk", AttributeValue.fromS("PROFILE")))).item();
    assertEquals(email, item.get("email").s());
    assertEquals(TokenHash.of(token), item.get("accessTokenHash").s(), "only the token's hash is stored");
    assertFalse(item.toString().contains(token));
    assertFalse(item.containsKey("gsi2pk"), "not in the marketing segment before confirmation");
  }

  @Test
  void anonymousOrWrongTokenReadsOfACustomerAre404WithoutPersonalData() throws Exception {
    String email = uniqueEmail();
    JsonNode body = json(handler.handleRequest(registration(email), null));
    String id = body.path("id").asText();
    JsonNode other = json(handler.handleRequest(registration(uniqueEmail()), null));

    for (APIGatewayV2HTTPResponse r : java.util.List.of(
        handler.handleRequest(get(id), null),
        handler.handleRequest(get(id, "not-the-token"), null),
        handler.handleRequest(get(id, other.path("accessToken").asText()), null))) {
      assertEquals(404, r.getStatusCode());
      assertEquals("application/problem+json; charset=utf-8", r.getHeaders().get("Content-Type"));
      for (String pii : java.util.List.of(email, "Анна", "+79123456789", "1990-05-17", "marketingConsent", "managerId")) {
        assertFalse(r.getBody().contains(pii), pii + " in " + r.getBody());
      }
    }
  }

  @Test
  void aSecondRegistrationWithTheSameEmailInAnyCaseIsAConflict() throws Exception {
    String email = uniqueEmail();
    assertEquals(201, handler.handleRequest(registration(email), null).getStatusCode());
    APIGatewayV2HTTPResponse again = handler.handleRequest(registration(email.toUpperCase()), null);
    assertEquals(409, again.getStatusCode());
    assertEquals("application/problem+json; charset=utf-8", again.getHeaders().get("Content-Type"));
    JsonNode problem = json(again);
    assertEquals(409, problem.path("status").asInt());
    assertEquals("email", problem.path("errors").get(0).path("field").asText());
  }

  @ParameterizedTest
  @Event(value = "events/order-api/register-customer-invalid.json", type = APIGatewayV2HTTPEvent.class)
  void invalidBodyIsA400ListingEveryField(APIGatewayV2HTTPEvent event) throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertEquals(400, response.getStatusCode());
    assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("Content-Type"));
    Set<String> fields = new HashSet<>();
    json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(Set.of("email", "name", "phone", "birthday", "locale"), fields);
  }

  @Test
  void malformedJsonWrongTypesAndHugeBodiesAre4xxNever500() throws Exception {
    APIGatewayV2HTTPEvent broken = registration(uniqueEmail());
    broken.setBody("{\"email\": ");
    APIGatewayV2HTTPResponse r1 = handler.handleRequest(broken, null);
    assertEquals(400, r1.getStatusCode());
    assertEquals("body", json(r1).path("errors").get(0).path("field").asText());

    APIGatewayV2HTTPEvent wrongType = registration(uniqueEmail());
    wrongType.setBody("{\"email\":\"a@b.co\",\"name\":\"A\",\"phone\":\"+79123456789\",\"marketingConsent\":{\"x\":1}}");
    APIGatewayV2HTTPResponse r2 = handler.handleRequest(wrongType, null);
    assertEquals(400, r2.getStatusCode());
    assertEquals("marketingConsent", json(r2).path("errors").get(0).path("field").asText());

    APIGatewayV2HTTPEvent array = registration(uniqueEmail());
    array.setBody("[1,2]");
    assertEquals(400, handler.handleRequest(array, null).getStatusCode());

    APIGatewayV2HTTPEvent empty = registration(uniqueEmail());
    empty.setBody(null);
    assertEquals(400, handler.handleRequest(empty, null).getStatusCode());

    APIGatewayV2HTTPEvent huge = registration(uniqueEmail());
    huge.setBody("{\"name\":\"" + "x".repeat(300 * 1024) + "\"}");
    assertEquals(413, handler.handleRequest(huge, null).getStatusCode());
  }

  @Test
  void unknownCustomerIs404Problem() throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(get("cus_doesnotexist"), null);
    assertEquals(404, response.getStatusCode());
    assertFalse(response.getBody().contains("Exception"));
    assertEquals(404, json(response).path("status").asInt());
  }

  @Test
  void unknownRouteIs404() {
    APIGatewayV2HTTPEvent event = get("x");
    event.setRouteKey("DELETE /customers/{id}");
    assertEquals(404, handler.handleRequest(event, null).getStatusCode());
  }

  @Test
  void concurrentRegistrationsOfOneEmailCreateOneCustomer() throws Exception {
    String email = uniqueEmail();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> handler.handleRequest(registration(email), null).getStatusCode()));
      }
      Map<Integer, Integer> counts = new HashMap<>();
      for (var f : futures) {
        counts.merge(f.get(), 1, Integer::sum);
      }
      assertEquals(Map.of(201, 1, 409, 7), counts);
    } finally {
      pool.shutdownNow();
    }
  }
}
