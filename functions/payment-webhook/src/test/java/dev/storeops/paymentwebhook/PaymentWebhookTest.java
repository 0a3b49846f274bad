package dev.storeops.paymentwebhook;

import dev.storeops.platform.dynamo.TableKeys;
import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.platform.json.Json;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /payments/webhook} through API Gateway v2 events on the AWS stack from template.yaml. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentWebhookTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");
  private AwsStack stack;
  private PaymentWebhookHandler handler;
  private WebhookSignature provider;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    this.handler = new PaymentWebhookHandler(stack.functionEnv("PaymentWebhookFunction"), clock);
    this.provider = new WebhookSignature(stack.functionEnvironment("PaymentWebhookFunction").get("WEBHOOK_SECRET"),
        clock, WebhookSignature.DEFAULT_TOLERANCE);
  }

  @Test
  void theTemplateWiresTheSecretAndTheNoArgHandlerIsBuiltFromIt() {
    assertNotNull(stack.handler("PaymentWebhookFunction", PaymentWebhookHandler.class));
    assertEquals(AwsStack.TEST_PARAMETERS.get("WebhookSecret"),
        stack.functionEnvironment("PaymentWebhookFunction").get("WEBHOOK_SECRET"));
  }

  /** A stored order awaiting an online card payment, reserving 2 of a fresh SKU; returns the order. */
  private Order order(PaymentMethod method) {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
        "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "onHand", Items.n(5), "reserved", Items.n(0),
        "available", Items.n(5))));
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", null, null, false, null, "ru", NOW, null));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    Order o = new Order(id, "261123-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", List.of(new OrderLine(sku, "Tea", 2, 1795_00, 3590_00)), 3590_00, 0, 3590_00, "RUB",
        null, method, OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, NOW, "customer"), null, null,
        "hash", List.of(new Reservation(sku, "msk-1", 2)), NOW, NOW);
    new DynamoOrderStore(stack.dynamoDb(), table).create(o, new IdempotencyRecord("k-" + id, "h", id, "sealed", NOW,
        NOW.plus(Duration.ofDays(1))));
    return o;
  }

  private static String body(String eventId, String type, Order o, long amount, String currency) {
    return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"orderId\":\"" + o.id()
        + "\",\"paymentId\":\"pay_" + eventId + "\",\"amountMinor\":" + amount + ",\"currency\":\"" + currency + "\"}";
  }

  private APIGatewayV2HTTPResponse post(String fixture, String body, String signature) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/" + fixture);
    event.setBody(body);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-signature");
    if (signature != null) {
      headers.put("x-signature", signature);
    }
    event.setHeaders(headers);
    return handler.handleRequest(event, null);
  }

  private APIGatewayV2HTTPResponse signed(String fixture, String body) {
    return post(fixture, body, provider.sign(NOW.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    try {
      return Json.mapper().readTree(r.getBody());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode stored(String orderId) {
    var item = stack.dynamoDb().getItem(b -> b.tableName(table).key(DynamoOrderStore.orderKey(orderId))
        .consistentRead(true)).item();
    return Json.mapper().valueToTree(Map.of("status", item.get("status").s(), "rev", item.get("rev") == null ? "0"
        : item.get("rev").n(), "flag", item.containsKey("flag") ? item.get("flag").s() : "",
        "payments", item.containsKey("payments") ? item.get("payments").l().size() : 0));
  }

  @Test
  void missingWrongExpiredOrMalformedSignatureIs401AndChangesNothing() {
    Order o = order(PaymentMethod.ONLINE_CARD);
    String body = body("evt_" + UUID.randomUUID(), "succeeded", o, o.totalMinor(), "RUB");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    WebhookSignature wrongSecret = new WebhookSignature("another-secret-0123456789abcdef",
        Clock.fixed(NOW, ZoneOffset.UTC), WebhookSignature.DEFAULT_TOLERANCE);
    List<String> refused = java.util.Arrays.asList(
        null,
        wrongSecret.sign(NOW.getEpochSecond(), bytes),
        provider.sign(NOW.getEpochSecond(), "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8)),
        provider.sign(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond(), bytes),
        "t=abc,v1=00",
        "v1=deadbeef");
    for (String signature : refused) {
      APIGatewayV2HTTPResponse r = post("succeeded.json", body, signature);
      assertEquals(401, r.getStatusCode(), String.valueOf(signature));
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    }
    assertEquals("AWAITING_PAYMENT", stored(o.id()).get("status").asText());
    assertEquals(0, stored(o.id()).get("payments").asInt());
    // a signature 4 minutes old is still inside the window
    assertEquals(200, post("succeeded.json", body,
        provider.sign(NOW.minus(Duration.ofMinutes(4)).getEpochSecond(), bytes)).getStatusCode());
  }

  @Test
  void afterARotationTheCurrentAndThePreviousSecretAreAcceptedAnUnknownOneIsNot() {
    // the deployment after a rotation: a new current secret k2, the template's secret kept as previous k1
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("PaymentWebhookFunction"));
    String previous = env.get("WEBHOOK_SECRET");
    env.put("WEBHOOK_SECRET", "rotated-webhook-secret-0123456789");
    env.put("WEBHOOK_KEY_ID", "k2");
    env.put("WEBHOOK_PREVIOUS_SECRET", previous);
    env.put("WEBHOOK_PREVIOUS_KEY_ID", "k1");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PaymentWebhookHandler rotated = new PaymentWebhookHandler(dev.storeops.platform.config.Env.of(env), clock);
    WebhookSignature current = new WebhookSignature("rotated-webhook-secret-0123456789", clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    WebhookSignature unknown = new WebhookSignature("never-configured-secret-0123456789", clock,
        WebhookSignature.DEFAULT_TOLERANCE);

    Order refusedOrder = order(PaymentMethod.ONLINE_CARD);
    String refusedBody = body("evt_" + UUID.randomUUID(), "succeeded", refusedOrder, refusedOrder.totalMinor(), "RUB");
    assertEquals(401, postTo(rotated, refusedBody,
        unknown.sign(NOW.getEpochSecond(), refusedBody.getBytes(StandardCharsets.UTF_8))).getStatusCode());
    assertEquals("AWAITING_PAYMENT", stored(refusedOrder.id()).get("status").asText());

    for (WebhookSignature signer : List.of(provider, current)) {
      Order o = order(PaymentMethod.ONLINE_CARD);
      String body = body("evt_" + UUID.randomUUID(), "succeeded", o, o.totalMinor(), "RUB");
      APIGatewayV2HTTPResponse r = postTo(rotated, body, signer.sign(NOW.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)));
      assertEquals(200, r.getStatusCode(), r.getBody());
      assertEquals("READY_TO_SHIP", stored(o.id()).get("status").asText());
    }
  }

  private APIGatewayV2HTTPResponse postTo(PaymentWebhookHandler target, String body, String signature) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/succeeded.json");
    event.setBody(body);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("x-signature", signature);
    event.setHeaders(headers);
    return target.handleRequest(event, null);
  }

  @Test
  void malformedEventIs400AndUnknownOrderIs404() {
    APIGatewayV2HTTPResponse notJson = signed("succeeded.json", "{not json");
    assertEquals(400, notJson.getStatusCode());
    APIGatewayV2HTTPResponse fields = signed("succeeded.json",
        "{\"eventId\":\"e 1\",\"type\":\"captured\",\"orderId\":\"ord_x\",\"amountMinor\":-5,\"currency\":\"rub\"}");
    assertEquals(400, fields.getStatusCode());
    List<String> bad = new java.util.ArrayList<>();
    json(fields).get("errors").forEach(e -> bad.add(e.get("field").asText()));
    assertEquals(List.of("eventId", "paymentId", "type", "amountMinor", "currency"), bad);
    Order ghost = new Order("ord_doesnotexist000000000000", "x", "c", Channel.SITE, "c", List.of(), 0, 0, 100, "RUB",
        null, PaymentMethod.ONLINE_CARD, null, List.of(), null, null, null, List.of(), NOW, NOW);
    assertEquals(404, signed("succeeded.json", body("evt_ghost", "succeeded", ghost, 100, "RUB")).getStatusCode());
  }

  @Test
  void succeededMakesTheOrderReadyToShipAndTheSameEventTwiceChangesNothing() {
    Order o = order(PaymentMethod.ONLINE_CARD);
    String body = body("evt_" + UUID.randomUUID(), "succeeded", o, o.totalMinor(), "RUB");
    APIGatewayV2HTTPResponse first = signed("succeeded.json", body);
    assertEquals(200, first.getStatusCode());
    assertFalse(json(first).get("duplicate").asBoolean());
    assertEquals("READY_TO_SHIP", json(first).get("orderStatus").asText());
    JsonNode afterFirst = stored(o.id());

    APIGatewayV2HTTPResponse second = signed("succeeded.json", body);
    assertEquals(200, second.getStatusCode());
    assertTrue(json(second).get("duplicate").asBoolean());
    assertEquals(afterFirst, stored(o.id()));
    assertEquals(1, stored(o.id()).get("payments").asInt());
  }

  @Test
  void amountMismatchFlagsTheOrderAndDoesNotMarkItPaid() {
    Order o = order(PaymentMethod.ONLINE_CARD);
    APIGatewayV2HTTPResponse r = signed("succeeded.json",
        body("evt_" + UUID.randomUUID(), "succeeded", o, o.totalMinor() - 1, "RUB"));
    assertEquals(200, r.getStatusCode());
    assertEquals("MISMATCH", json(r).get("outcome").asText());
    JsonNode s = stored(o.id());
    assertEquals("AWAITING_PAYMENT", s.get("status").asText());
    assertTrue(s.get("flag").asText().contains("does not match"));
  }

  @Test
  void failedAndRefundedFixturesReplayedTwice() {
    Order o = order(PaymentMethod.ONLINE_CARD);
    String failed = body("evt_" + UUID.randomUUID(), "failed", o, o.totalMinor(), "RUB");
    assertEquals("FAILED_CALL", json(signed("failed.json", failed)).get("outcome").asText());
    assertTrue(json(signed("failed.json", failed)).get("duplicate").asBoolean());
    String refunded = body("evt_" + UUID.randomUUID(), "refunded", o, o.totalMinor(), "RUB");
    assertEquals("CANCELLED", json(signed("refunded.json", refunded)).get("orderStatus").asText());
    JsonNode once = stored(o.id());
    assertTrue(json(signed("refunded.json", refunded)).get("duplicate").asBoolean());
    assertEquals(once, stored(o.id()));
    var stock = stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.stockKey(o.lines().get(0).sku(), "msk-1")).consistentRead(true)).item();
    assertEquals("0", stock.get("reserved").n());
    assertEquals("5", stock.get("available").n());
  }
}
