package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.header;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.ok;
import static dev.storeops.staffapi.StaffApiCalls.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.standins.YooKassaStandIn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Refused parcels and returns after delivery through the staff API on the AWS stack (docs/returns.md):
 * a refused cash-on-delivery parcel ends RETURNED with its units back on hand, journaled, once; a
 * partial return restocks one line, writes off another and refunds through the YooKassa stand-in once;
 * a cash-on-delivery return gives the owner a refund task; bad input is problem+json naming the fields.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffReturnsApiTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private AwsStack stack;
  private StaffApiCalls api;
  private FlowComponents flow;
  private String table;
  private YooKassaStandIn yookassa;

  @BeforeAll
  void setUp(AwsStack stack) throws Exception {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.yookassa = new YooKassaStandIn();
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("StaffApiFunction"));
    env.put("PAYMENT_PROVIDER", "yookassa");
    env.put("YOOKASSA_API_URL", yookassa.baseUrl());
    env.put("YOOKASSA_SHOP_ID", YooKassaStandIn.SHOP_ID);
    env.put("YOOKASSA_SECRET_KEY", YooKassaStandIn.SECRET_KEY);
    this.api = new StaffApiCalls(new StaffApiHandler(Env.of(env), clock));
    MailOutbox noMail = intents -> { };
    this.flow = FlowComponents.build(stack.dynamoDb(), table, noMail, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation());
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
  }

  @AfterAll
  void tearDown() {
    yookassa.close();
  }

  private String product(int onHand) {
    String sku = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ok(api.call(event("put-product.json", Map.of("sku", sku), null)), 200);
    ok(api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":" + onHand + "}")), 200);
    return sku;
  }

  /** A phone order of {@code qty} of each SKU, paid as {@code method}. */
  private JsonNode order(String method, Map<String, Integer> lines) {
    return order(method, lines, customer());
  }

  private String customer() {
    return new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), table), clock, "ru")
        .register(new CustomerRegistration("ret." + UUID.randomUUID() + "@example.com", "Анна Возвратова",
            "+79161234567", null, false, "ru")).id();
  }

  /** The dossier's totals of a customer. */
  private JsonNode totals(String customerId) {
    return ok(api.call(event("get-customer.json", Map.of("id", customerId), null)), 200).get("totals");
  }

  private JsonNode order(String method, Map<String, Integer> lines, String customerId) {
    APIGatewayV2HTTPEvent create = header(event("create-order.json", null, null), "idempotency-key", UUID.randomUUID().toString());
    ObjectNode body = (ObjectNode) json(create.getBody());
    body.put("customerId", customerId).put("paymentMethod", method);
    var array = body.putArray("lines");
    lines.forEach((sku, qty) -> array.addObject().put("sku", sku).put("qty", qty));
    create.setBody(body.toString());
    return ok(api.call(create), 201);
  }

  private void shipAndDeliverCod(String id, boolean deliver) {
    ok(api.call(event("log-call.json", Map.of("id", id), "{\"outcome\":\"CONFIRMED\"}")), 200);
    ok(api.call(event("ship-order.json", Map.of("id", id), null)), 200);
    if (deliver) {
      ok(api.call(event("deliver-order.json", Map.of("id", id), null)), 200);
    }
  }

  private long level(String sku, String attribute) {
    return Long.parseLong(stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.stockKey(sku, "spb-1")).consistentRead(true)).item().get(attribute).n());
  }

  /** The SKU's journal entries of {@code movement}, newest first. */
  private List<JsonNode> movements(String sku, String movement) {
    JsonNode page = ok(api.call(event("get-stock-movements.json", Map.of("sku", sku), null)), 200);
    List<JsonNode> out = new ArrayList<>();
    page.get("movements").forEach(m -> {
      if (movement.equals(m.get("movement").asText())) {
        out.add(m);
      }
    });
    return out;
  }

  @Test
  void aRefusedCodParcelEndsReturnedWithItsStockBackOnHandJournaledOnce() {
    String sku = product(5);
    String id = order("CASH_ON_DELIVERY", Map.of(sku, 2)).get("id").asText();
    shipAndDeliverCod(id, false);
    assertEquals(3, level(sku, "onHand"));
    Map<String, String> path = Map.of("id", id);
    // the warehouse receives parcels but does not register refusals; only a shipped parcel comes back
    assertEquals(403, api.call(signedIn(event("refuse-parcel.json", path, null), "staff-warehouse", "[warehouse]")).getStatusCode());
    APIGatewayV2HTTPResponse badReason = api.call(event("refuse-parcel.json", path, "{\"reason\":\"LOST\"}"));
    assertEquals(400, badReason.getStatusCode());
    assertTrue(badReason.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertEquals("reason", json(badReason.getBody()).get("errors").get(0).get("field").asText());
    APIGatewayV2HTTPResponse early = api.call(event("returned-parcel.json", path, null));
    assertEquals(409, early.getStatusCode());

    JsonNode returning = ok(api.call(event("refuse-parcel.json", path, null)), 200);
    assertEquals("RETURNING", returning.get("status").asText());
    assertEquals("REFUSED", returning.get("refusal").get("reason").asText());
    assertEquals(3, level(sku, "onHand")); // nothing is back before the parcel is
    // the carrier reporting it again (or a second click) changes nothing
    assertEquals("REFUSED", ok(api.call(event("refuse-parcel.json", path, "{\"reason\":\"NOT_COLLECTED\"}")),
        200).get("refusal").get("reason").asText());

    JsonNode returned = ok(api.call(event("returned-parcel.json", path, null)), 200);
    assertEquals("RETURNED", returned.get("status").asText());
    assertEquals(5, level(sku, "onHand"));
    assertEquals(5, level(sku, "available"));
    assertEquals("RETURNED", ok(api.call(event("returned-parcel.json", path, null)), 200).get("status").asText());
    assertEquals(5, level(sku, "onHand")); // restocked once
    List<JsonNode> back = movements(sku, "return-to-stock");
    assertEquals(1, back.size());
    assertEquals(2, back.get(0).get("qty").asInt());
    assertEquals(3, back.get(0).get("onHandBefore").asInt());
    assertEquals(5, back.get(0).get("onHandAfter").asInt());
    assertEquals("wh-oleg", back.get(0).get("actor").asText()); // the fixture's warehouse clerk
    assertEquals(id, back.get(0).get("ref").asText());
    // a closed parcel takes no return and no new refusal
    assertEquals(409, api.call(header(event("register-return.json", path, "{\"reason\":\"x\",\"lines\":[{\"sku\":\"" + sku
        + "\",\"qty\":1,\"disposition\":\"restock\"}]}"), "idempotency-key", "key-closed-1")).getStatusCode());
    JsonNode listed = ok(api.call(event("list-returns.json", path, null)), 200);
    assertEquals("RETURNED", listed.get("status").asText());
    assertEquals("REFUSED", listed.get("refusal").get("reason").asText());
    assertEquals(0, listed.get("returns").size());
  }

  @Test
  void aPartialReturnRestocksOneLineWritesOffAnotherAndRefundsThroughYooKassaOnce() {
    String tea = product(5);
    String kettle = product(5);
    JsonNode placed = order("ONLINE_CARD", Map.of(tea, 2, kettle, 1));
    String id = placed.get("id").asText();
    long total = placed.get("totalMinor").asLong();
    flow.flow().payment(new PaymentEvent("evt-" + id, PaymentEvent.Type.SUCCEEDED, id, "pay-" + id, total, "RUB"));
    yookassa.paid("pay-" + id, dev.storeops.fulfilment.providers.Amounts.decimal(total));
    String status = flow.flow().get(id).order().status().name();
    if (!status.equals("READY_TO_SHIP")) {
      throw new AssertionError("a paid order is ready to ship, not " + status);
    }
    ok(api.call(event("ship-order.json", Map.of("id", id), null)), 200);
    ok(api.call(event("deliver-order.json", Map.of("id", id), null)), 200);
    assertEquals(3, level(tea, "onHand"));
    assertEquals(4, level(kettle, "onHand"));
    Map<String, String> path = Map.of("id", id);
    String body = "{\"reason\":\"the kettle leaks\",\"lines\":[{\"sku\":\"" + tea
        + "\",\"qty\":1,\"disposition\":\"restock\"},{\"sku\":\"" + kettle + "\",\"qty\":1,\"disposition\":\"writeOff\"}]}";

    // bad input names the fields; nothing is written
    APIGatewayV2HTTPResponse unknown = api.call(header(event("register-return.json", path, "{\"reason\":\"x\",\"lines\":[{\"sku\":\"NOPE\",\"qty\":1,\"disposition\":\"restock\"}]}"), "idempotency-key", "key-bad-1"));
    assertEquals(400, unknown.getStatusCode());
    assertEquals("lines[0].sku", json(unknown.getBody()).get("errors").get(0).get("field").asText());
    APIGatewayV2HTTPResponse tooMany = api.call(header(event("register-return.json", path, "{\"reason\":\"x\",\"lines\":[{\"sku\":\"" + tea + "\",\"qty\":3,\"disposition\":\"restock\"}]}"), "idempotency-key", "key-bad-2"));
    assertEquals(409, tooMany.getStatusCode());
    assertEquals("lines[0].qty", json(tooMany.getBody()).get("errors").get(0).get("field").asText());
    APIGatewayV2HTTPResponse noKey = api.call(header(event("register-return.json", path, body), "idempotency-key", null));
    assertEquals(400, noKey.getStatusCode());
    assertEquals("Idempotency-Key", json(noKey.getBody()).get("errors").get(0).get("field").asText());
    assertEquals(403, api.call(header(signedIn(event("register-return.json", path, body), "staff-marketing", "[marketing]"), "idempotency-key", "key-ret-1")).getStatusCode());

    JsonNode first = ok(api.call(header(event("register-return.json", path, body), "idempotency-key", "key-ret-1")), 201);
    JsonNode ret = first.get("return");
    assertEquals("RETURN#1", ret.get("id").asText());
    long teaUnit = placed.get("lines").get(0).get("sku").asText().equals(tea)
        ? placed.get("lines").get(0).get("unitPriceMinor").asLong() : placed.get("lines").get(1).get("unitPriceMinor").asLong();
    long kettleUnit = placed.get("lines").get(0).get("sku").asText().equals(kettle)
        ? placed.get("lines").get(0).get("unitPriceMinor").asLong() : placed.get("lines").get(1).get("unitPriceMinor").asLong();
    assertEquals(teaUnit + kettleUnit, ret.get("amountMinor").asLong());
    assertEquals("yookassa", ret.get("refund").get("method").asText());
    assertEquals("succeeded", ret.get("refund").get("status").asText());
    assertFalse(ret.has("idempotencyKey"));
    assertEquals(1, yookassa.createdRefunds().size());
    assertEquals("pay-" + id, yookassa.createdRefunds().get(0).get("payment_id").asText());
    assertEquals(dev.storeops.fulfilment.providers.Amounts.decimal(teaUnit + kettleUnit),
        yookassa.createdRefunds().get(0).get("amount").get("value").asText());
    assertEquals(4, level(tea, "onHand"));     // restocked
    assertEquals(4, level(kettle, "onHand"));  // written off: the unit is not back on the shelf
    assertEquals(1, movements(tea, "return-to-stock").size());
    List<JsonNode> writeOff = movements(kettle, "write-off");
    assertEquals(1, writeOff.size());
    assertEquals(0, writeOff.get(0).get("onHandChange").asInt());
    assertEquals(1, writeOff.get(0).get("qty").asInt());

    // the same request again: the same return, no second refund, no second restock
    APIGatewayV2HTTPResponse again = api.call(header(event("register-return.json", path, body), "idempotency-key", "key-ret-1"));
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
    assertEquals(ret.get("refund").get("refundId").asText(), json(again.getBody()).get("return").get("refund")
        .get("refundId").asText());
    assertEquals(1, yookassa.createdRefunds().size());
    assertEquals(4, level(tea, "onHand"));
    assertEquals(1, movements(tea, "return-to-stock").size());
    // the same key with another body is refused
    assertEquals(422, api.call(header(event("register-return.json", path, body.replace("leaks", "is loud")), "idempotency-key", "key-ret-1"))
        .getStatusCode());

    // the provider is down: the return is recorded, its refund pending; the repeat pays it
    yookassa.failNext();
    String last = "{\"reason\":\"changed mind\",\"lines\":[{\"sku\":\"" + tea + "\",\"qty\":1,\"disposition\":\"restock\"}]}";
    JsonNode pending = ok(api.call(header(event("register-return.json", path, last), "idempotency-key", "key-ret-2")), 201);
    assertEquals("pending", pending.get("return").get("refund").get("status").asText());
    assertEquals(1, yookassa.createdRefunds().size());
    JsonNode paid = ok(api.call(header(event("register-return.json", path, last), "idempotency-key", "key-ret-2")), 200);
    assertEquals("succeeded", paid.get("return").get("refund").get("status").asText());
    assertEquals(2, yookassa.createdRefunds().size());
    assertEquals(5, level(tea, "onHand"));

    JsonNode listed = ok(api.call(event("list-returns.json", path, null)), 200);
    assertEquals(2, listed.get("returns").size());
    assertEquals("RETURN#2", listed.get("returns").get(1).get("id").asText());
    assertEquals("DELIVERED", listed.get("status").asText());
  }

  @Test
  void aCashOnDeliveryReturnGivesTheOwnerARefundTask() {
    String sku = product(3);
    JsonNode placed = order("CASH_ON_DELIVERY", Map.of(sku, 1));
    String id = placed.get("id").asText();
    shipAndDeliverCod(id, true);
    String body = "{\"reason\":\"wrong colour\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":1,\"disposition\":\"restock\"}]}";
    JsonNode ret = ok(api.call(header(signedIn(event("register-return.json", Map.of("id", id), body), "staff-warehouse", "[warehouse]"), "idempotency-key", "key-cod-1")), 201)
        .get("return");
    assertEquals("owner-task", ret.get("refund").get("method").asText());
    assertEquals("task", ret.get("refund").get("status").asText());
    String taskId = ret.get("refund").get("taskId").asText();
    APIGatewayV2HTTPEvent tasks = event("list-tasks.json", null, null);
    tasks.setRawQueryString("assignee=owner");
    tasks.setQueryStringParameters(Map.of("assignee", "owner"));
    JsonNode list = ok(api.call(tasks), 200);
    boolean found = false;
    for (JsonNode t : list.get("tasks")) {
      if (t.get("id").asText().equals(taskId)) {
        found = true;
        assertEquals("refund", t.get("kind").asText());
        assertTrue(t.get("title").asText().contains(placed.get("number").asText()), t.get("title").asText());
      }
    }
    assertTrue(found, list.toString());
    ok(api.call(header(signedIn(event("register-return.json", Map.of("id", id), body), "staff-warehouse", "[warehouse]"), "idempotency-key", "key-cod-1")), 200);
    assertEquals(3, level(sku, "onHand"));
  }

  @Test
  void aPrepaidRefusedParcelBackGivesTheOwnerARefundTaskOnce() {
    String sku = product(4);
    JsonNode placed = order("ONLINE_CARD", Map.of(sku, 1));
    String id = placed.get("id").asText();
    flow.flow().payment(new PaymentEvent("evt-" + id, PaymentEvent.Type.SUCCEEDED, id, "pay-" + id,
        placed.get("totalMinor").asLong(), "RUB"));
    ok(api.call(event("ship-order.json", Map.of("id", id), null)), 200);
    ok(api.call(event("refuse-parcel.json", Map.of("id", id), "{\"reason\":\"NOT_COLLECTED\"}")), 200);
    ok(api.call(event("returned-parcel.json", Map.of("id", id), null)), 200);
    ok(api.call(event("returned-parcel.json", Map.of("id", id), null)), 200);
    assertEquals(4, level(sku, "onHand"));
    var task = flow.tasks().get("refund_" + id + "_parcel");
    assertEquals("owner", task.assigneeId());
    assertEquals("refund", task.kind());
    assertTrue(task.title().contains(placed.get("number").asText()), task.title());
  }
  @Test
  void theDossierCountsARefusedCodParcelAsNoRevenueAndShowsItApart() {
    String sku = product(6);
    String customerId = customer();
    JsonNode delivered = order("CASH_ON_DELIVERY", Map.of(sku, 1), customerId);
    shipAndDeliverCod(delivered.get("id").asText(), true);
    String refused = order("CASH_ON_DELIVERY", Map.of(sku, 2), customerId).get("id").asText();
    shipAndDeliverCod(refused, false);
    ok(api.call(event("refuse-parcel.json", Map.of("id", refused), null)), 200);
    JsonNode onTheWay = totals(customerId);
    assertEquals(delivered.get("totalMinor").asLong(), onTheWay.get("revenueMinor").asLong(),
        "a refused parcel on its way back is no revenue");
    ok(api.call(event("returned-parcel.json", Map.of("id", refused), null)), 200);
    JsonNode t = totals(customerId);
    assertEquals(2, t.get("orderCount").asInt());
    assertEquals(1, t.get("paidCount").asInt());
    assertEquals(1, t.get("refusedCount").asInt());
    assertEquals(0, t.get("cancelledCount").asInt());
    assertEquals(delivered.get("totalMinor").asLong(), t.get("receivedMinor").asLong());
    assertEquals(delivered.get("totalMinor").asLong(), t.get("revenueMinor").asLong());
    assertEquals(delivered.get("totalMinor").asLong(), t.get("averageCheckMinor").asLong());
  }

  @Test
  void completingTheOwnersRefundTaskMarksTheReturnsRefundMadeOnce() {
    String sku = product(3);
    String customerId = customer();
    JsonNode placed = order("CASH_ON_DELIVERY", Map.of(sku, 2), customerId);
    String id = placed.get("id").asText();
    shipAndDeliverCod(id, true);
    String body = "{\"reason\":\"too big\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":1,\"disposition\":\"restock\"}]}";
    JsonNode ret = ok(api.call(header(signedIn(event("register-return.json", Map.of("id", id), body), "staff-warehouse", "[warehouse]"), "idempotency-key", "key-hand-1")), 201)
        .get("return");
    long amount = ret.get("amountMinor").asLong();
    String taskId = ret.get("refund").get("taskId").asText();
    JsonNode owed = totals(customerId);
    assertEquals(amount, owed.get("refundsOwedMinor").asLong(), "the refund task is open: owed, not made");
    assertEquals(1, owed.get("returnedCount").asInt());
    assertEquals(placed.get("totalMinor").asLong() - amount, owed.get("revenueMinor").asLong());

    // the manager may not complete the owner's task; the owner completes it, twice
    assertEquals(403, api.call(signedIn(event("complete-task.json", Map.of("id", taskId), "{\"comment\":\"paid\"}"), "staff-manager", "[manager]"))
        .getStatusCode());
    JsonNode done = ok(api.call(event("complete-task.json", Map.of("id", taskId), "{\"comment\":\"paid by card transfer\"}")), 200);
    assertEquals("DONE", done.get("status").asText());
    JsonNode refund = ok(api.call(event("list-returns.json", Map.of("id", id), null)), 200)
        .get("returns").get(0).get("refund");
    assertEquals("made", refund.get("status").asText());
    assertEquals(amount, refund.get("madeMinor").asLong());
    assertEquals(done.get("doneBy").asText(), refund.get("madeBy").asText());
    assertEquals(NOW.toString(), refund.get("madeAt").asText());
    assertEquals(taskId, refund.get("taskId").asText());
    long revision = Long.parseLong(stack.dynamoDb().getItem(g -> g.tableName(table)
        .key(dev.storeops.ordering.dynamo.DynamoOrderStore.orderKey(id)).consistentRead(true)).item().get("rev").n());
    ok(api.call(event("complete-task.json", Map.of("id", taskId), "{\"comment\":\"again\"}")), 200);
    assertEquals(revision, Long.parseLong(stack.dynamoDb().getItem(g -> g.tableName(table)
        .key(dev.storeops.ordering.dynamo.DynamoOrderStore.orderKey(id)).consistentRead(true)).item().get("rev").n()),
        "a repeated done writes nothing");
    JsonNode made = totals(customerId);
    assertEquals(amount, made.get("refundedMinor").asLong());
    assertEquals(0, made.get("refundsOwedMinor").asLong());
    assertEquals(placed.get("totalMinor").asLong() - amount, made.get("revenueMinor").asLong(), "counted once");
  }
}
