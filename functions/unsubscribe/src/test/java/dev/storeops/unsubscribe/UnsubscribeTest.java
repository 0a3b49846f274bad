package dev.storeops.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.json.Json;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET/POST /unsubscribe with valid, tampered and expired tokens, on DynamoDB Local. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsubscribeTest {
  private AwsStack stack;
  private UnsubscribeHandler handler;
  private DynamoCustomerStore customers;
  private UnsubscribeTokens tokens;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("UnsubscribeFunction", UnsubscribeHandler.class);
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable"));
    this.tokens = new UnsubscribeTokens(stack.functionEnvironment("UnsubscribeFunction").get("UNSUBSCRIBE_SECRET"));
  }

  private Customer subscribed() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Customer c = new Customer("cus_un" + u, "un." + u + "@example.com", "Ann", "+79123456789", null, true, at, "ru", at, null);
    customers.create(c);
    return c;
  }

  private static APIGatewayV2HTTPEvent event(String fixture, String token) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/unsubscribe/" + fixture);
    e.setQueryStringParameters(Map.of("token", token));
    e.setRawQueryString("token=" + token);
    return e;
  }

  private String validToken(Customer c) {
    return tokens.sign(c.id(), Instant.now().plus(Duration.ofDays(30)));
  }

  @Test
  void getWithAValidTokenUnsubscribesAndShowsAPage() {
    Customer c = subscribed();
    APIGatewayV2HTTPResponse r = handler.handleRequest(event("get-unsubscribe.json", validToken(c)), null);
    assertEquals(200, r.getStatusCode());
    assertEquals("text/html; charset=utf-8", r.getHeaders().get("Content-Type"));
    assertTrue(r.getBody().contains("Вы отписались"));
    Customer after = customers.find(c.id()).orElseThrow();
    assertFalse(after.marketingConsent());
    assertNotNull(after.consentChangedAt());
    assertTrue(after.consentChangedAt().isAfter(c.consentChangedAt()));

    APIGatewayV2HTTPResponse again = handler.handleRequest(event("get-unsubscribe.json", validToken(c)), null);
    assertEquals(200, again.getStatusCode(), "idempotent");
    assertEquals(after.consentChangedAt(), customers.find(c.id()).orElseThrow().consentChangedAt(),
        "a second click does not move the consent time");
  }

  @Test
  void oneClickPostUnsubscribes() throws Exception {
    Customer c = subscribed();
    APIGatewayV2HTTPResponse r = handler.handleRequest(event("post-one-click.json", validToken(c)), null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode body = Json.mapper().readTree(r.getBody());
    assertEquals("unsubscribed", body.path("status").asText());
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
    var profile = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CUSTOMER#" + c.id()),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROFILE")))).item();
    assertFalse(profile.containsKey("gsi2pk"), "the customer leaves the marketing segment (GSI2)");
    assertEquals(200, handler.handleRequest(event("post-one-click.json", validToken(c)), null).getStatusCode());
  }

  @Test
  void tamperedTokensAre400AndChangeNothing() throws Exception {
    Customer c = subscribed();
    Customer other = subscribed();
    String[] parts = validToken(c).split("\\.");
    String forged = other.id() + "." + parts[1] + "." + parts[2];

    APIGatewayV2HTTPResponse get = handler.handleRequest(event("get-unsubscribe.json", forged), null);
    assertEquals(400, get.getStatusCode());
    assertTrue(get.getHeaders().get("Content-Type").startsWith("text/html"));
    assertTrue(get.getBody().contains("Неверная ссылка"));

    APIGatewayV2HTTPResponse post = handler.handleRequest(event("post-one-click.json", forged), null);
    assertEquals(400, post.getStatusCode());
    assertEquals("application/problem+json; charset=utf-8", post.getHeaders().get("Content-Type"));
    assertEquals(400, Json.mapper().readTree(post.getBody()).path("status").asInt());

    APIGatewayV2HTTPResponse garbage = handler.handleRequest(event("post-one-click.json", "garbage"), null);
    assertEquals(400, garbage.getStatusCode());
    APIGatewayV2HTTPEvent none = event("get-unsubscribe.json", "x");
    none.setQueryStringParameters(null);
    assertEquals(400, handler.handleRequest(none, null).getStatusCode());

    assertTrue(customers.find(other.id()).orElseThrow().marketingConsent());
    assertTrue(customers.find(c.id()).orElseThrow().marketingConsent());
  }

  @Test
  void expiredTokensAre410() throws Exception {
    Customer c = subscribed();
    String expired = tokens.sign(c.id(), Instant.now().minusSeconds(1));
    APIGatewayV2HTTPResponse get = handler.handleRequest(event("get-unsubscribe.json", expired), null);
    assertEquals(410, get.getStatusCode());
    assertTrue(get.getBody().contains("Ссылка устарела"));
    APIGatewayV2HTTPResponse post = handler.handleRequest(event("post-one-click.json", expired), null);
    assertEquals(410, post.getStatusCode());
    assertTrue(Json.mapper().readTree(post.getBody()).path("type").asText().contains("unsubscribe-token-expired"));
    assertTrue(customers.find(c.id()).orElseThrow().marketingConsent());
  }

  @Test
  void aTokenPostedInAFormBodyWorksToo() {
    Customer c = subscribed();
    APIGatewayV2HTTPEvent e = event("post-one-click.json", "x");
    e.setQueryStringParameters(null);
    e.setBody("List-Unsubscribe=One-Click&token=" + validToken(c));
    assertEquals(200, handler.handleRequest(e, null).getStatusCode());
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
  }
}
