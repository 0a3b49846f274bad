package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoMailFeedback;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The full dossier through the staff API on the AWS stack (docs/customer-dossier.md): a phone typed as
 * {@code 8 (903) 111-22-33} finds {@code +79031112233}; customers stored before the search existed are
 * found after the owner's paged, idempotent rebuild; the dossier lists the calls about the customer's
 * orders, the mails with bounce and complaint, an SMS, the consent steps and the staff's notes, newest
 * first; notes are written by the owner or the customer's own manager, and are in the export and gone
 * after the erasure.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffDossierApiTest {
  private static final Instant NOW = Instant.parse("2031-02-10T09:00:00Z");
  /** The API's clock: stands still unless a test moves it (two notes a second apart). */
  private final MovableClock clock = new MovableClock(NOW);
  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.api = StaffApiCalls.on(stack, clock);
    assertEquals(200, api.as("owner", "[owner]", event("put-warehouse.json", Map.of("id", "dos-1"),
        "{\"name\":\"Склад досье\",\"city\":\"Москва\"}")).getStatusCode());
  }

  private List<String> found(String q) {
    APIGatewayV2HTTPEvent search = event("search-customers.json", null, null);
    search.setQueryStringParameters(Map.of("q", q));
    APIGatewayV2HTTPResponse r = api.as("owner", "[owner]", search);
    assertEquals(200, r.getStatusCode(), r.getBody());
    List<String> ids = new ArrayList<>();
    json(r).path("customers").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private Customer customer(String suffix, String phone, String manager, List<ConsentEvent> consent) {
    Customer c = new Customer("cus_" + run + suffix, run + suffix + "@example.com", "Дарья Досье" + run, phone, null,
        !consent.isEmpty(), null, "ru", NOW.minusSeconds(86_400), manager, null, null, consent);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }

  private JsonNode dossier(String sub, String groups, String customerId) {
    APIGatewayV2HTTPResponse r = api.as(sub, groups, event("get-customer.json", Map.of("id", customerId), null));
    assertEquals(200, r.getStatusCode(), r.getBody());
    return json(r);
  }

  private APIGatewayV2HTTPResponse note(String sub, String groups, String customerId, String text) {
    ObjectNode body = Json.mapper().createObjectNode().put("text", text);
    return api.as(sub, groups, event("add-customer-note.json", Map.of("id", customerId), body.toString()));
  }

  @Test
  void aPhoneTypedWithAnEightBracketsAndDashesFindsTheCustomerRegisteredInPlusSevenForm() {
    Customer c = customer("p", "+79031112233", null, List.of());
    for (String typed : List.of("8 (903) 111-22-33", "+7 903 111 22 33", "89031112233")) {
      assertTrue(found(typed).contains(c.id()), typed + " finds " + c.id());
    }
    assertTrue(found(c.email().toUpperCase()).contains(c.id()));
    assertTrue(found("досье" + run).contains(c.id()));
  }

  @Test
  void customersStoredBeforeTheSearchExistedAreFoundAfterTheRebuildWhichIsPagedAndIdempotent() {
    String digits = String.format("%07d", Math.abs(run.hashCode()) % 10_000_000);
    Customer old = new Customer("cus_" + run + "old", run + "old@example.com", "Олег Староверов" + run, "+7812" + digits,
        null, false, null, "ru", Instant.parse("2024-01-01T00:00:00Z"), null);
    // as stored before the search entries: the profile alone
    stack.dynamoDb().putItem(p -> p.tableName(table).item(DynamoCustomerStore.toItem(old)));
    String typed = "8 (812) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    assertFalse(found(typed).contains(old.id()));

    assertEquals(403, api.as("mgr-x", "[manager]", event("rebuild-customer-search.json", null, "{}")).getStatusCode());
    APIGatewayV2HTTPResponse badLimit = api.as("owner", "[owner]", event("rebuild-customer-search.json", null,
        "{\"limit\":0}"));
    assertEquals(400, badLimit.getStatusCode());
    assertTrue(badLimit.getBody().contains("\"limit\""), badLimit.getBody());

    for (int pass = 0; pass < 2; pass++) {
      String cursor = null;
      int pages = 0;
      int customers = 0;
      do {
        ObjectNode body = Json.mapper().createObjectNode().put("limit", 1000);
        if (cursor != null) {
          body.put("cursor", cursor);
        }
        APIGatewayV2HTTPResponse page = api.as("owner", "[owner]", event("rebuild-customer-search.json", null,
            body.toString()));
        assertEquals(200, page.getStatusCode(), page.getBody());
        JsonNode result = json(page);
        customers += result.path("customers").asInt();
        cursor = result.path("done").asBoolean() ? null : result.path("nextCursor").asText();
        pages++;
      } while (cursor != null && pages < 500);
      assertTrue(customers >= 1, "pass " + pass + " filed the old customer");
      // once found, and only once: the same entry put again
      assertEquals(1, found(typed).stream().filter(old.id()::equals).count());
      assertTrue(found("староверов" + run).contains(old.id()));
    }
  }

  @Test
  void theDossierShowsCallsMailsWithTheirStatusSmsConsentAndNotesNewestFirst() {
    String manager = "mgr-dos-" + run;
    Customer c = customer("d", "+7916" + String.format("%07d", Math.abs(run.hashCode()) % 10_000_000), manager,
        List.of(new ConsentEvent(ConsentEvent.Kind.GIVEN, NOW.minusSeconds(7200), "POST /customers", "req-1", "link1"),
            new ConsentEvent(ConsentEvent.Kind.WITHDRAWN, NOW.minusSeconds(3600), "unsubscribe-link", null, "k1")));

    // a phone order and a call about it
    String sku = "DOS-" + run.toUpperCase();
    assertEquals(200, api.as("owner", "[owner]", event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, api.as("owner", "[owner]", event("put-stock.json", Map.of("sku", sku, "warehouse", "dos-1"),
        "{\"onHand\":5}")).getStatusCode());
    APIGatewayV2HTTPEvent create = event("create-order.json", null, null);
    ObjectNode order = (ObjectNode) json(create.getBody());
    order.put("customerId", c.id());
    order.putArray("lines").addObject().put("sku", sku).put("qty", 1);
    order.putObject("delivery").put("option", "PICKUP").put("city", "Москва").put("warehouse", "dos-1");
    create.setBody(order.toString());
    Map<String, String> headers = new HashMap<>(create.getHeaders());
    headers.put("idempotency-key", UUID.randomUUID().toString());
    create.setHeaders(headers);
    APIGatewayV2HTTPResponse created = api.as("owner", "[owner]", create);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String orderId = json(created).path("id").asText();
    APIGatewayV2HTTPResponse call = api.as("owner", "[owner]", event("log-call.json", Map.of("id", orderId),
        "{\"outcome\":\"NO_ANSWER\"}"));
    assertEquals(200, call.getStatusCode(), call.getBody());

    // three mails: one sent, one bounced (found by its dedupe key), one complained about (found by its SES id)
    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), table);
    DynamoCustomerStore store = new DynamoCustomerStore(stack.dynamoDb(), table);
    DynamoMailFeedback feedback = new DynamoMailFeedback(stack.dynamoDb(), table,
        email -> store.findIdByEmail(Customer.emailKey(email)));
    String[] keys = {"welcome:" + c.id(), "order-confirmation:" + orderId, "birthday:" + c.id()};
    String[] templates = {"welcome", "order-confirmation", "birthday"};
    for (int i = 0; i < keys.length; i++) {
      Instant at = NOW.minusSeconds(600 - i * 60L);
      assertTrue(log.reserve(keys[i], "a" + i, templates[i], templates[i], c.id(), at, at.minusSeconds(60)));
      log.complete(keys[i], "a" + i, "SENT", "ses-" + run + "-" + i, at);
    }
    assertTrue(feedback.record(c.email(), "BOUNCED", "bounce:Permanent/General", null, keys[1], NOW));
    assertTrue(feedback.record(c.email(), "COMPLAINED", "complaint:abuse", "ses-" + run + "-2", null, NOW));
    // a later bounce does not hide the complaint
    assertTrue(feedback.record(c.email(), "BOUNCED", "bounce:Transient/General", "ses-" + run + "-2", null, NOW));
    assertFalse(feedback.record(c.email(), "BOUNCED", "bounce:Permanent/General", "ses-unknown", null, NOW));

    // an SMS as sms-sender logs it: the mail's send log under the dedupe key "sms#…" (docs/notifications.md)
    var smsLog = new dev.storeops.messaging.dynamo.DynamoSendLog(stack.dynamoDb(), table);
    String smsKey = dev.storeops.messaging.sms.SmsService.KEY_PREFIX + "order-shipped#" + orderId;
    assertTrue(smsLog.reserve(smsKey, "attempt-1", "sms:order-shipped", "order-shipped", c.id(), NOW.minusSeconds(300),
        NOW.minusSeconds(360)));
    smsLog.complete(smsKey, "attempt-1", "SENT", "smsru-1", NOW.minusSeconds(299));

    // notes: the owner and the customer's manager write; another manager, the warehouse may not; bad text is a 400
    APIGatewayV2HTTPResponse first = note("owner-anna", "[owner]", c.id(), "  Просит звонить после 18:00  ");
    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals("Просит звонить после 18:00", json(first).path("text").asText());
    assertEquals("owner-anna", json(first).path("by").asText());
    clock.set(NOW.plusSeconds(1));
    APIGatewayV2HTTPResponse second = note(manager, "[manager]", c.id(), "Предпочитает СДЭК");
    assertEquals(201, second.getStatusCode(), second.getBody());
    assertEquals(403, note("mgr-other-" + run, "[manager]", c.id(), "чужой").getStatusCode());
    assertEquals(403, note("wh-1", "[warehouse]", c.id(), "склад").getStatusCode());
    APIGatewayV2HTTPResponse tooLong = note("owner-anna", "[owner]", c.id(), "я".repeat(2001));
    assertEquals(400, tooLong.getStatusCode());
    assertTrue(tooLong.getBody().contains("\"text\""), tooLong.getBody());
    assertEquals(400, note("owner-anna", "[owner]", c.id(), "   ").getStatusCode());
    assertEquals(404, note("owner-anna", "[owner]", "cus_" + run + "none", "нет такого").getStatusCode());

    for (String[] reader : new String[][] {{"owner-anna", "[owner]"}, {manager, "[manager]"}}) {
      JsonNode history = dossier(reader[0], reader[1], c.id()).path("history");
      List<JsonNode> calls = StaffApiCalls.history(history, "call");
      assertEquals(1, calls.size(), history.toString());
      assertEquals("NO_ANSWER", calls.get(0).path("outcome").asText());
      assertEquals("owner", calls.get(0).path("by").asText());
      assertEquals(orderId, calls.get(0).path("orderId").asText());

      List<JsonNode> mails = StaffApiCalls.history(history, "mail");
      assertEquals(3, mails.size(), mails.toString());
      assertEquals("birthday", mails.get(0).path("template").asText(), "newest first");
      assertEquals("COMPLAINED", mails.get(0).path("status").asText());
      assertEquals("complaint:abuse", mails.get(0).path("detail").asText());
      assertEquals("order-confirmation", mails.get(1).path("template").asText());
      assertEquals("BOUNCED", mails.get(1).path("status").asText());
      assertEquals("welcome", mails.get(2).path("template").asText());
      assertEquals("SENT", mails.get(2).path("status").asText());

      assertEquals(1, StaffApiCalls.history(history, "sms").size());
      assertEquals("order-shipped", StaffApiCalls.history(history, "sms").get(0).path("template").asText());
      assertEquals("SMS", StaffApiCalls.history(history, "sms").get(0).path("channel").asText());

      assertEquals(List.of("WITHDRAWN", "GIVEN"), List.of(StaffApiCalls.history(history, "consent").get(0).path("kind").asText(),
          StaffApiCalls.history(history, "consent").get(1).path("kind").asText()));
      List<JsonNode> notes = StaffApiCalls.history(history, "note");
      assertEquals(2, notes.size());
      assertEquals(json(second).path("id").asText(), notes.get(0).path("id").asText(), "newest first");
      assertEquals(manager, notes.get(0).path("by").asText());
    }
    assertEquals(403, api.as("mgr-other-" + run, "[manager]", event("get-customer.json", Map.of("id", c.id()), null))
        .getStatusCode());

    // notes are personal data: exported, then erased with the customer
    APIGatewayV2HTTPResponse export = api.as("owner-anna", "[owner]", event("export-customer.json", Map.of("id", c.id()), null));
    assertEquals(200, export.getStatusCode(), export.getBody());
    assertTrue(export.getBody().contains("Предпочитает СДЭК"), export.getBody());
    assertTrue(export.getBody().contains("COMPLAINED"), "the mail's feedback is in the export");
  }

  @Test
  void aCustomersNotesAreGoneAfterTheErasure() {
    Customer c = customer("e", null, null, List.of());
    assertEquals(201, note("owner-anna", "[owner]", c.id(), "Удалить вместе с клиентом").getStatusCode());
    APIGatewayV2HTTPResponse erased = api.as("owner-anna", "[owner]", event("erase-customer.json", Map.of("id", c.id()), "{}"));
    assertEquals(200, erased.getStatusCode(), erased.getBody());
    assertEquals(1, json(erased).path("items").path("notes").asInt(), erased.getBody());
    var left = stack.dynamoDb().query(q -> q.tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :note)")
        .expressionAttributeValues(Map.of(":pk", Items.s(TableKeys.CUSTOMER.key(c.id())), ":note",
            Items.s(TableKeys.NOTE.text())))).items();
    assertEquals(List.of(), left);
  }
}
