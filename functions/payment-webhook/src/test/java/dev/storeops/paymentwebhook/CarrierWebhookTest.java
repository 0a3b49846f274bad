package dev.storeops.paymentwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.fulfilment.carriers.OrderParcelMoves;
import dev.storeops.fulfilment.carriers.ParcelStatus;
import dev.storeops.fulfilment.dynamo.DynamoParcelStore;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.KeyRing;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.StaffTask;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /carriers/{carrier}/status} (docs/carriers.md) through API Gateway v2 events on the AWS
 * stack: signature, body, unknown tracking numbers, the order moved once per event id.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarrierWebhookTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String MANAGER = "mgr-carrier-webhook";
  private AwsStack stack;
  private String table;
  private Clock clock;
  private PaymentWebhookHandler handler;
  private WebhookSignature carrier;
  private FlowComponents flow;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    this.handler = new PaymentWebhookHandler(stack.functionEnv("PaymentWebhookFunction"), clock);
    this.carrier = new WebhookSignature(KeyRing.single("c1",
        stack.functionEnvironment("PaymentWebhookFunction").get("CARRIER_WEBHOOK_SECRET")), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    this.flow = FlowComponents.build(stack.dynamoDb(), table, intents -> { }, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation());
  }

  /** An order shipped with {@code carrierName} and a new tracking number; returns {orderId, tracking}. */
  private String[] shipped(String carrierName) {
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    PaymentMethod method = PaymentMethod.CASH_ON_DELIVERY;
    Order o = new Order(id, "261130-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "cus_carrier",
        Channel.SITE, "customer", List.of(new OrderLine("SKU-CARRIER", "Tea", 1, 100_00, 100_00)), 100_00, 0, 100_00,
        "RUB", null, method, OrderStatus.READY_TO_SHIP, OrderLifecycle.created(method, NOW, "customer"), MANAGER,
        null, "hash", List.of(), NOW, NOW);
    new DynamoOrderStore(stack.dynamoDb(), table).create(o, new IdempotencyRecord("k-" + id, "h", id, "s", NOW,
        NOW.plus(Duration.ofDays(1))));
    String tracking = "RB" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase() + "RU";
    flow.flow().ship(id, "staff-1", new ShipOrder.Request(carrierName, tracking));
    return new String[] {id, tracking};
  }

  private static String body(String tracking, String status, String eventId) {
    return "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"" + status + "\",\"at\":\""
        + NOW.minusSeconds(60) + "\",\"eventId\":\"" + eventId + "\"}";
  }

  private APIGatewayV2HTTPResponse post(PaymentWebhookHandler h, String carrierPath, String body, String signature) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/carrier-status.json");
    event.setBody(body);
    event.setPathParameters(Map.of("carrier", carrierPath));
    event.setRawPath("/dev/carriers/" + carrierPath + "/status");
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-signature");
    if (signature != null) {
      headers.put("x-signature", signature);
    }
    event.setHeaders(headers);
    return h.handleRequest(event, null);
  }

  private APIGatewayV2HTTPResponse signed(String carrierPath, String body) {
    return post(handler, carrierPath, body, carrier.sign(NOW.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    try {
      return Json.mapper().readTree(r.getBody());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private OrderStatus status(String orderId) {
    return flow.flow().get(orderId).order().status();
  }

  @Test
  void theFixtureIsAValidSignedEventOnceItsTrackingNumberIsShipped() {
    String fixture = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/carrier-status.json").getBody();
    // the fixture's number is not filed: 404, the carrier retries later
    APIGatewayV2HTTPResponse r = signed("boxberry", fixture);
    assertEquals(404, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("RB123456789RU"), r.getBody());
  }

  @Test
  void deliveredMovesTheOrderOnceAndARepeatedEventIsADuplicate() {
    String[] s = shipped("Boxberry");
    String eventId = "evt-" + UUID.randomUUID();
    APIGatewayV2HTTPResponse first = signed("boxberry", body(s[1], "DELIVERED", eventId));
    assertEquals(200, first.getStatusCode(), first.getBody());
    JsonNode j = json(first);
    assertEquals("DELIVERED", j.get("outcome").asText());
    assertEquals("DELIVERED", j.get("orderStatus").asText());
    assertEquals(s[0], j.get("orderId").asText());
    assertFalse(j.get("duplicate").asBoolean());
    int history = flow.flow().get(s[0]).order().statusHistory().size();
    assertEquals(OrderParcelMoves.BY,
        flow.flow().get(s[0]).order().statusHistory().get(history - 1).by());

    APIGatewayV2HTTPResponse again = signed("boxberry", body(s[1], "DELIVERED", eventId));
    assertEquals(200, again.getStatusCode());
    assertTrue(json(again).get("duplicate").asBoolean());
    assertEquals("DELIVERED", json(again).get("outcome").asText());
    assertEquals(history, flow.flow().get(s[0]).order().statusHistory().size());

    // the same status under another event id (a carrier resending): the order is past it
    APIGatewayV2HTTPResponse resent = signed("boxberry", body(s[1], "DELIVERED", "evt-" + UUID.randomUUID()));
    assertEquals("UNCHANGED", json(resent).get("outcome").asText());
    assertEquals(history, flow.flow().get(s[0]).order().statusHistory().size());
  }

  @Test
  void refusedAndNotCollectedTellTheManagerAndInTransitIsRecorded() {
    String[] s = shipped("Pochta");
    DynamoParcelStore parcels = new DynamoParcelStore(stack.dynamoDb(), table,
        new DueWorkStore(stack.dynamoDb(), table, clock), clock);
    APIGatewayV2HTTPResponse moving = signed("pochta", body(s[1], "READY_FOR_PICKUP", "evt-" + UUID.randomUUID()));
    assertEquals(200, moving.getStatusCode(), moving.getBody());
    assertEquals("RECORDED", json(moving).get("outcome").asText());
    assertFalse(json(moving).has("orderStatus"));
    assertEquals(ParcelStatus.READY_FOR_PICKUP, parcels.find("pochta", s[1]).orElseThrow().lastStatus());
    assertEquals(OrderStatus.SHIPPED, status(s[0]));

    APIGatewayV2HTTPResponse refused = signed("pochta", body(s[1], "NOT_COLLECTED", "evt-" + UUID.randomUUID()));
    assertEquals(200, refused.getStatusCode(), refused.getBody());
    assertEquals("REFUSED", json(refused).get("outcome").asText());
    assertEquals(OrderStatus.RETURNING, status(s[0]), "the parcel comes back: the warehouse receives it");
    StaffTask task = flow.taskStore().find(OrderParcelMoves.REFUSED_TASK + "_" + s[0]).orElseThrow();
    assertEquals(MANAGER, task.assigneeId());
    assertTrue(task.title().contains("NOT_COLLECTED") && task.title().contains("Pochta"), task.title());
    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(TableKeys.parcelKey("pochta", s[1]))
        .consistentRead(true)).item();
    assertNull(item.get(TableKeys.DUE_PK), "a parcel of a carrier that is not polled is never on the index");
    assertEquals("NOT_COLLECTED", item.get("lastReason").s());
  }

  @Test
  void aMissingWrongOrExpiredSignatureIs401AndChangesNothing() {
    String[] s = shipped("Boxberry");
    String body = body(s[1], "DELIVERED", "evt-" + UUID.randomUUID());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    WebhookSignature paymentSecret = new WebhookSignature(
        stack.functionEnvironment("PaymentWebhookFunction").get("WEBHOOK_SECRET"), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    List<String> refused = new ArrayList<>(java.util.Arrays.asList(
        null,
        paymentSecret.sign(NOW.getEpochSecond(), bytes),
        carrier.sign(NOW.getEpochSecond(), "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8)),
        carrier.sign(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond(), bytes),
        "t=abc,v1=00"));
    for (String signature : refused) {
      APIGatewayV2HTTPResponse r = post(handler, "boxberry", body, signature);
      assertEquals(401, r.getStatusCode(), signature + " → " + r.getBody());
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    }
    assertEquals(OrderStatus.SHIPPED, status(s[0]));

    // no secret deployed: the webhook is closed
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("PaymentWebhookFunction"));
    env.put("CARRIER_WEBHOOK_SECRET", "");
    PaymentWebhookHandler closed = new PaymentWebhookHandler(Env.of(env), clock);
    assertEquals(401, post(closed, "boxberry", body, carrier.sign(NOW.getEpochSecond(), bytes)).getStatusCode());
    assertEquals(OrderStatus.SHIPPED, status(s[0]));

    // a rotation: the previous secret is still accepted
    String next = "next-carrier-secret-0123456789abcdef";
    env.put("CARRIER_WEBHOOK_SECRET", next);
    env.put("CARRIER_WEBHOOK_PREVIOUS_SECRET", stack.functionEnvironment("PaymentWebhookFunction").get("CARRIER_WEBHOOK_SECRET"));
    PaymentWebhookHandler rotating = new PaymentWebhookHandler(Env.of(env), clock);
    APIGatewayV2HTTPResponse old = post(rotating, "boxberry", body, carrier.sign(NOW.getEpochSecond(), bytes));
    assertEquals(200, old.getStatusCode(), old.getBody());
    assertEquals(OrderStatus.DELIVERED, status(s[0]));
  }

  @Test
  void aBadBodyIs400NamingTheFieldsAndAnUnknownNumberOrCarrierIs404() {
    String[] s = shipped("Boxberry");
    APIGatewayV2HTTPResponse bad = signed("boxberry",
        "{\"trackingNumber\":\"\",\"status\":\"LOST\",\"at\":\"yesterday\"}");
    assertEquals(400, bad.getStatusCode(), bad.getBody());
    for (String field : List.of("trackingNumber", "status", "at", "eventId")) {
      assertTrue(bad.getBody().contains("\"" + field + "\""), field + " named in " + bad.getBody());
    }
    assertEquals(400, signed("boxberry", "not json").getStatusCode());

    APIGatewayV2HTTPResponse unknown = signed("boxberry", body("NO-SUCH-NUMBER", "DELIVERED", "evt-" + UUID.randomUUID()));
    assertEquals(404, unknown.getStatusCode(), unknown.getBody());
    assertTrue(unknown.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    // the number is filed under its carrier: another carrier's path does not find it
    APIGatewayV2HTTPResponse otherCarrier = signed("cdek", body(s[1], "DELIVERED", "evt-" + UUID.randomUUID()));
    assertEquals(404, otherCarrier.getStatusCode(), otherCarrier.getBody());
    assertEquals(OrderStatus.SHIPPED, status(s[0]));
  }
}
