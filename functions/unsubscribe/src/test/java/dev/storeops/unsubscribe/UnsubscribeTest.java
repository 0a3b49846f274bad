package dev.storeops.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.KeyRing;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GET shows a page, POST (form or RFC 8058 one-click) unsubscribes; token formats and keys; on DynamoDB Local. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsubscribeTest {
  private AwsStack stack;
  private UnsubscribeHandler handler;
  private DynamoCustomerStore customers;
  private UnsubscribeTokens tokens;
  private String secret;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("UnsubscribeFunction", UnsubscribeHandler.class);
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable"));
    this.tokens = UnsubscribeTokens.from(stack.functionEnv("UnsubscribeFunction"));
    this.secret = stack.functionEnvironment("UnsubscribeFunction").get("UNSUBSCRIBE_SECRET");
  }

  private Customer subscribed() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Customer c = new Customer("cus_un" + u, "un." + u + "@example.com", "Ann", "+79123456789", null, true, at, "ru", at, null);
    customers.create(c);
    return c;
  }

  static APIGatewayV2HTTPEvent event(String fixture, String token) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/unsubscribe/" + fixture);
    e.setQueryStringParameters(Map.of("token", token));
    e.setRawQueryString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return e;
  }

  /** The page's own form post: the token in the body, no one-click field. */
  static APIGatewayV2HTTPEvent formPost(String route, String token) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/unsubscribe/post-one-click.json");
    e.setRouteKey(route);
    e.setQueryStringParameters(Map.of("lang", "ru"));
    e.setRawQueryString("lang=ru");
    e.setBody("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return e;
  }

  private String validToken(Customer c) {
    return tokens.sign(c.id(), Instant.now().plus(Duration.ofDays(30)));
  }

  private Map<String, AttributeValue> profile(Customer c) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", AttributeValue.fromS("CUSTOMER#" + c.id()), "sk", AttributeValue.fromS("PROFILE")))).item();
  }

  @Test
  void getShowsAPageWithAButtonAndChangesNothing() {
    Customer c = subscribed();
    String token = validToken(c);
    APIGatewayV2HTTPResponse r = handler.handleRequest(event("get-unsubscribe.json", token), null);
    assertEquals(200, r.getStatusCode());
    assertEquals("text/html; charset=utf-8", r.getHeaders().get("Content-Type"));
    assertTrue(r.getBody().contains("Отписаться от рассылки?"), r.getBody());
    assertTrue(r.getBody().contains("<form method=\"post\" action=\"unsubscribe?lang=ru\">"), r.getBody());
    assertTrue(r.getBody().contains("name=\"token\" value=\"" + token + "\""));
    assertFalse(r.getBody().contains(c.id()));
    Customer after = customers.find(c.id()).orElseThrow();
    assertTrue(after.marketingConsent(), "a GET (a mail scanner's prefetch) unsubscribes nobody");
    assertEquals(c.consentChangedAt(), after.consentChangedAt());

    APIGatewayV2HTTPEvent en = event("get-unsubscribe.json", token);
    en.setQueryStringParameters(Map.of("token", token, "lang", "en"));
    assertTrue(handler.handleRequest(en, null).getBody().contains("Unsubscribe from marketing mail?"));
  }

  @Test
  void theButtonsFormPostUnsubscribesAndRecordsTheWithdrawal() {
    Customer c = subscribed();
    APIGatewayV2HTTPResponse r = handler.handleRequest(formPost("POST /unsubscribe", validToken(c)), null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    assertTrue(r.getHeaders().get("Content-Type").startsWith("text/html"));
    assertTrue(r.getBody().contains("Вы отписались"));
    Customer after = customers.find(c.id()).orElseThrow();
    assertFalse(after.marketingConsent());
    assertTrue(after.consentChangedAt().isAfter(c.consentChangedAt()));
    ConsentEvent withdrawal = after.consentHistory().get(after.consentHistory().size() - 1);
    assertEquals(ConsentEvent.Kind.WITHDRAWN, withdrawal.kind());
    assertEquals("unsubscribe-page", withdrawal.source());
    assertEquals("k1", withdrawal.linkId(), "the key id of the token");

    APIGatewayV2HTTPResponse again = handler.handleRequest(formPost("POST /unsubscribe", validToken(c)), null);
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
    assertFalse(r.getBody().contains(c.id()), "the response names no customer");
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
    assertFalse(profile(c).containsKey("gsi2pk"), "the customer leaves the marketing segment (GSI2)");
    assertEquals("one-click", customers.find(c.id()).orElseThrow().consentHistory().get(0).source());
    assertEquals(200, handler.handleRequest(event("post-one-click.json", validToken(c)), null).getStatusCode());
  }

  @Test
  void oldFormatLinksFromMailSentBeforeStillWork() {
    Customer c = subscribed();
    String legacy = tokens.signLegacy(c.id(), Instant.now().plus(Duration.ofDays(30)));
    assertTrue(legacy.startsWith(c.id() + "."), "the old format carries the id in clear");
    assertEquals(200, handler.handleRequest(event("get-unsubscribe.json", legacy), null).getStatusCode());
    assertTrue(customers.find(c.id()).orElseThrow().marketingConsent());
    assertEquals(200, handler.handleRequest(event("post-one-click.json", legacy), null).getStatusCode());
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
  }

  @Test
  void afterARotationThePreviousKeyIsAcceptedAnUnknownKeyIsNot() {
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("UnsubscribeFunction"));
    env.put("UNSUBSCRIBE_SECRET", "rotated-unsubscribe-secret-0123456789");
    env.put("UNSUBSCRIBE_KEY_ID", "k2");
    env.put("UNSUBSCRIBE_PREVIOUS_SECRET", secret);
    env.put("UNSUBSCRIBE_PREVIOUS_KEY_ID", "k1");
    UnsubscribeHandler rotated = new UnsubscribeHandler(Env.of(env));

    Customer c = subscribed();
    assertEquals(200, rotated.handleRequest(event("post-one-click.json", validToken(c)), null).getStatusCode(),
        "a link sealed with the previous key (mailed before the rotation)");
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());

    Customer d = subscribed();
    String byCurrent = UnsubscribeTokens.from(Env.of(env)).sign(d.id(), Instant.now().plusSeconds(3600));
    assertTrue(byCurrent.startsWith("v2.k2."));
    assertEquals(200, rotated.handleRequest(event("post-one-click.json", byCurrent), null).getStatusCode());
    assertFalse(customers.find(d.id()).orElseThrow().marketingConsent());

    Customer e = subscribed();
    String unknownKey = new UnsubscribeTokens(KeyRing.single("k9", "some-other-secret-0123456789"))
        .sign(e.id(), Instant.now().plusSeconds(3600));
    APIGatewayV2HTTPResponse refused = rotated.handleRequest(event("post-one-click.json", unknownKey), null);
    assertEquals(400, refused.getStatusCode());
    assertTrue(customers.find(e.id()).orElseThrow().marketingConsent());
    String foreignWithKnownId = new UnsubscribeTokens(KeyRing.single("k2", "some-other-secret-0123456789"))
        .sign(e.id(), Instant.now().plusSeconds(3600));
    assertEquals(400, rotated.handleRequest(event("post-one-click.json", foreignWithKnownId), null).getStatusCode());
    assertTrue(customers.find(e.id()).orElseThrow().marketingConsent());
  }

  @Test
  void tamperedTokensAre400AndChangeNothing() throws Exception {
    Customer c = subscribed();
    Customer other = subscribed();
    String[] parts = tokens.signLegacy(c.id(), Instant.now().plusSeconds(3600)).split("\\.");
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
    assertEquals(400, handler.handleRequest(formPost("POST /unsubscribe", "v2.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), null)
        .getStatusCode());

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
  void aOneClickBodyWithTheTokenInTheFormWorksToo() {
    Customer c = subscribed();
    APIGatewayV2HTTPEvent e = event("post-one-click.json", "x");
    e.setQueryStringParameters(null);
    e.setBody("List-Unsubscribe=One-Click&token=" + URLEncoder.encode(validToken(c), StandardCharsets.UTF_8));
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
    assertEquals(200, r.getStatusCode());
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
  }

  @Test
  void aMultipartOneClickRequestUnsubscribes() {
    Customer c = subscribed();
    APIGatewayV2HTTPEvent e = event("post-one-click.json", validToken(c));
    Map<String, String> headers = new HashMap<>(e.getHeaders());
    headers.put("content-type", "multipart/form-data; boundary=XyZ");
    e.setHeaders(headers);
    e.setBody("--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n");
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    assertFalse(customers.find(c.id()).orElseThrow().marketingConsent());
    assertNotNull(customers.find(c.id()).orElseThrow().consentChangedAt());
  }
}
