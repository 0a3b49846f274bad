package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.header;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static dev.storeops.staffapi.StaffApiCalls.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Calls, cancel, ship, deliver and staff tasks through the staff API on the AWS stack. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffFlowApiTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.api = StaffApiCalls.on(stack, clock);
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
  }

  /** A cash-on-delivery phone order for a new customer reserving {@code qty} of a new product with 5 in stock. */
  private JsonNode codOrder(int qty) {
    String sku = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":5}"))
        .getStatusCode());
    String customerId = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), table), clock, "ru")
        .register(new CustomerRegistration("call." + UUID.randomUUID() + "@example.com", "Пётр Звонков",
            "+79161234567", null, true, "ru")).id();
    APIGatewayV2HTTPResponse created = api.call(newOrder(customerId, sku, qty, Map.of("paymentMethod", "CASH_ON_DELIVERY")));
    assertEquals(201, created.getStatusCode(), created.getBody());
    return json(created);
  }

  private long available(String sku) {
    return Long.parseLong(stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.stockKey(sku, "spb-1")).consistentRead(true)).item().get("available").n());
  }

  private APIGatewayV2HTTPResponse logCall(String orderId, String body, String key) {
    APIGatewayV2HTTPEvent e = event("log-call.json", Map.of("id", orderId), body);
    return api.call(key == null ? e : header(e, "idempotency-key", key));
  }

  @Test
  void threeUnansweredCallsCancelUnreachableReleasingStockAndTheDossierShowsTheHistory() {
    JsonNode order = codOrder(2);
    String id = order.get("id").asText();
    String sku = order.get("lines").get(0).get("sku").asText();
    assertEquals(3, available(sku));
    APIGatewayV2HTTPResponse bad = logCall(id, "{\"outcome\":\"REFUSED\"}", null);
    assertEquals(400, bad.getStatusCode());
    assertEquals(400, logCall(id, "{\"outcome\":\"MAYBE\"}", null).getStatusCode());
    assertEquals(200, logCall(id, "{\"outcome\":\"NO_ANSWER\"}", "call-a").getStatusCode());
    assertEquals(1, json(logCall(id, "{\"outcome\":\"NO_ANSWER\"}", "call-a")).get("noAnswerCalls").asInt());
    assertEquals("NEW", json(logCall(id, "{\"outcome\":\"NO_ANSWER\"}", "call-b")).get("status").asText());
    JsonNode cancelled = json(logCall(id, "{\"outcome\":\"NO_ANSWER\"}", "call-c"));
    assertEquals("CANCELLED", cancelled.get("status").asText());
    assertEquals(5, available(sku));
    APIGatewayV2HTTPResponse again = api.call(event("cancel-order.json", Map.of("id", id), null));
    assertEquals(200, again.getStatusCode());
    assertEquals(5, available(sku));

    JsonNode dossier = json(api.call(event("get-customer.json", Map.of("id", order.get("customerId").asText()), null)));
    JsonNode history = dossier.get("orders").get(0).get("statusHistory");
    assertEquals(2, history.size());
    assertEquals("CANCELLED", history.get(1).get("status").asText());
    assertEquals("rule:unreachable", history.get(1).get("by").asText());
    assertEquals("3 calls without an answer", history.get(1).get("reason").asText());
    assertEquals(NOW.toString(), history.get(1).get("at").asText());
  }

  @Test
  void confirmShipDeliverAndIllegalMovesAre409ProblemJson() {
    JsonNode order = codOrder(1);
    String id = order.get("id").asText();
    APIGatewayV2HTTPResponse early = api.call(event("ship-order.json", Map.of("id", id), null));
    assertEquals(409, early.getStatusCode());
    assertTrue(early.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertEquals(400, api.call(event("cancel-order.json", Map.of("id", id), "{\"reason\":\"\"}")).getStatusCode());
    assertEquals("READY_TO_SHIP", json(logCall(id, "{\"outcome\":\"CONFIRMED\"}", null)).get("status").asText());
    assertEquals(400, api.call(event("ship-order.json", Map.of("id", id), "{\"carrier\":\"CDEK\"}")).getStatusCode());
    JsonNode shipped = json(api.call(event("ship-order.json", Map.of("id", id), null)));
    assertEquals("SHIPPED", shipped.get("status").asText());
    assertEquals("1234567890", shipped.get("shipment").get("trackingNumber").asText());
    assertEquals(409, api.call(event("cancel-order.json", Map.of("id", id), null)).getStatusCode());
    assertEquals("DELIVERED", json(api.call(event("deliver-order.json", Map.of("id", id), null))).get("status").asText());
    assertEquals(200, api.call(event("deliver-order.json", Map.of("id", id), null)).getStatusCode());
    assertEquals(404, api.call(event("deliver-order.json", Map.of("id", "ord_nope"), null)).getStatusCode());
    // the delivery schedules the review request (issue 7) once, on the due-work index
    var review = stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("StoreTable"))
        .key(dev.storeops.messaging.dynamo.DynamoReviewRequests.key(id))).item();
    assertTrue(review.containsKey("duePk") && review.get("duePk").s().startsWith("DUE#"), String.valueOf(review));
  }

  @Test
  void myOpenTasksSortedByDueTimeAndDoneWithAComment() {
    String me = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    MailOutbox noMail = intents -> { };
    TaskService tasks = FlowComponents.build(stack.dynamoDb(), table, noMail, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation()).tasks();
    String later = "t-" + UUID.randomUUID();
    String sooner = "t-" + UUID.randomUUID();
    tasks.open(later, "call-about-payment", "Call about payment", "ord_1", null, me, Duration.ofHours(5), "rule:test");
    tasks.open(sooner, "payment-failed", "Call about the failed payment", "ord_2", null, me, Duration.ofMinutes(30),
        "rule:test");
    tasks.open("t-" + UUID.randomUUID(), "confirm-by-phone", "Someone else's", "ord_3", null, me + "-other",
        Duration.ofMinutes(10), "rule:test");
    APIGatewayV2HTTPResponse list = api.call(signedIn(event("list-tasks.json", null, null), me, null));
    assertEquals(200, list.getStatusCode(), list.getBody());
    List<String> ids = new ArrayList<>();
    json(list).get("tasks").forEach(t -> ids.add(t.get("id").asText()));
    assertEquals(List.of(sooner, later), ids);

    assertEquals(400, api.call(signedIn(event("complete-task.json", Map.of("id", sooner), "{\"comment\":\" \"}"), me, null)).getStatusCode());
    APIGatewayV2HTTPResponse done = api.call(signedIn(event("complete-task.json", Map.of("id", sooner), null), me, null));
    assertEquals(200, done.getStatusCode(), done.getBody());
    assertEquals("DONE", json(done).get("status").asText());
    List<String> open = new ArrayList<>();
    json(api.call(signedIn(event("list-tasks.json", null, null), me, null))).get("tasks").forEach(t -> open.add(t.get("id").asText()));
    assertEquals(List.of(later), open);
    assertEquals(400, badStatus(me));
  }

  private int badStatus(String me) {
    APIGatewayV2HTTPEvent e = signedIn(event("list-tasks.json", null, null), me, null);
    e.setQueryStringParameters(Map.of("assignee", "me", "status", "sleeping"));
    return api.call(e).getStatusCode();
  }
}
