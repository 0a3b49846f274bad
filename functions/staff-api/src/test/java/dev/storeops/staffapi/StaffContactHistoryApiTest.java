package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.letters;
import static dev.storeops.staffapi.StaffApiCalls.ok;
import static dev.storeops.staffapi.StaffApiCalls.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoMailFeedback;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.sms.SmsService;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The customer dossier's contact history as a list (docs/api.md#lists), through the staff API on the AWS stack:
 * calls logged on the customer's orders, mails and SMS in the send log, staff notes and consent steps, merged
 * newest first; the dossier carries the first 20 with {@code historyNextCursor}, {@code GET
 * /staff/customers/{id}/history} pages on with the same cursor, each entry once and none left out; a bad
 * {@code limit} or {@code cursor} is a 400 naming the field; a manager reads only their own customers' history.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffContactHistoryApiTest {
  private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
  private static final String OWNER = "owner-hist";
  private final MovableClock clock = new MovableClock(NOW);
  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String manager = "mgr-hist-" + run;
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;
  private String sku;
  private Customer customer;
  /** Every entry of the customer's history as {@code kind@at}, newest first. */
  private List<String> expected;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.api = StaffApiCalls.on(stack, clock);
    // the phone order fixture's pickup point
    api.warehouse("spb-1", "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}");
    sku = "HIST-" + run.toUpperCase();
    ok(api.call("put-product.json", Map.of("sku", sku), null), 200);
    ok(api.call("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":100}"), 200);
    customer = customer("c", manager, NOW.minus(Duration.ofDays(1)));
    List<String> oldestFirst = new ArrayList<>(List.of("consent@" + NOW.minus(Duration.ofDays(1))));

    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), table);
    for (int minute = 1; minute <= 22; minute++) {
      Instant at = NOW.plus(Duration.ofMinutes(minute));
      clock.set(at);
      switch (minute % 4) {
        case 1 -> {
          // a phone order of the customer's, and a call about it that nobody answered
          String orderId = ok(api.as(OWNER, "[owner]", StaffApiCalls.newOrder(customer.id(), sku, 1, Map.of())), 201)
              .path("id").asText();
          ok(api.as(OWNER, "[owner]", StaffApiCalls.header(event("log-call.json", Map.of("id", orderId),
              "{\"outcome\":\"NO_ANSWER\"}"), "idempotency-key", "call-" + run + "-" + minute)), 200);
          oldestFirst.add("call@" + at);
        }
        case 2 -> {
          String key = "news:" + customer.id() + ":" + minute;
          assertTrue(log.reserve(key, "a" + minute, "news", "news-" + minute, customer.id(), at, at.minusSeconds(60)));
          log.complete(key, "a" + minute, "SENT", "ses-" + run + "-" + minute, at);
          oldestFirst.add("mail@" + at);
        }
        case 3 -> {
          String key = SmsService.KEY_PREFIX + "reminder#" + customer.id() + "#" + minute;
          assertTrue(log.reserve(key, "s" + minute, "sms:reminder", "reminder", customer.id(), at, at.minusSeconds(60)));
          log.complete(key, "s" + minute, "SENT", "smsru-" + minute, at);
          oldestFirst.add("sms@" + at);
        }
        default -> {
          ok(api.as(OWNER, "[owner]", event("add-customer-note.json", Map.of("id", customer.id()),
              "{\"text\":\"Заметка " + minute + "\"}")), 201);
          oldestFirst.add("note@" + at);
        }
      }
    }
    clock.set(NOW.plus(Duration.ofMinutes(23)));
    ok(api.as(OWNER, "[owner]", event("set-sms-consent.json", Map.of("id", customer.id()),
        "{\"allowed\":false,\"source\":\"phone-call\"}")), 200);
    oldestFirst.add("consent@" + NOW.plus(Duration.ofMinutes(23)));
    // the first mail bounced after it was sent: the history shows today's status
    assertTrue(new DynamoMailFeedback(stack.dynamoDb(), table, email -> Optional.of(customer.id()))
        .record(customer.email(), "BOUNCED", "bounce:Permanent/General", null, "news:" + customer.id() + ":2",
            NOW.plus(Duration.ofMinutes(30))));
    expected = new ArrayList<>(oldestFirst.reversed());
    assertEquals(24, expected.size());
  }

  @Test
  void theDossierCarriesTheNewestTwentyAndTheHistoryRoutePagesOnWithItsCursor() {
    JsonNode dossier = ok(api.as(OWNER, "[owner]", event("get-customer.json", Map.of("id", customer.id()), null)), 200);
    List<String> seen = entries(dossier.path("history"));
    assertEquals(expected.subList(0, 20), seen, "the newest 20 of every kind, newest first");
    String cursor = dossier.path("historyNextCursor").asText(null);
    assertNotNull(cursor, dossier.toString());

    List<JsonNode> rest = api.pages(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()),
        c -> query("limit", "3", "cursor", c == null ? cursor : c));
    assertEquals(2, rest.size(), rest.toString());
    rest.forEach(page -> {
      assertEquals(customer.id(), page.path("customerId").asText());
      assertTrue(page.path("entries").size() <= 3, page.toString());
      seen.addAll(entries(page.path("entries")));
    });
    assertEquals(expected, seen, "after the dossier's page, the rest: none twice, none left out");
    assertFalse(rest.get(rest.size() - 1).has("nextCursor"), "the last page has no cursor");

    // from the start, in pages of 5: the same list
    List<JsonNode> pages = api.pages(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()),
        c -> query("limit", "5", "cursor", c));
    assertEquals(5, pages.size());
    List<String> fromStart = new ArrayList<>();
    pages.forEach(page -> fromStart.addAll(entries(page.path("entries"))));
    assertEquals(expected, fromStart);
    assertEquals(fromStart.size(), new HashSet<>(fromStart).size());
    // without a limit: 20, as the dossier
    JsonNode first = ok(api.as(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()), null,
        null), 200);
    assertEquals(expected.subList(0, 20), entries(first.path("entries")));
    assertEquals(cursor, first.path("nextCursor").asText());
  }

  @Test
  void eachEntryCarriesWhatHappenedWithTheMessagesStatusOfToday() {
    List<JsonNode> all = new ArrayList<>();
    api.pages(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()), c -> query("limit", "100",
        "cursor", c)).forEach(page -> page.path("entries").forEach(all::add));
    assertEquals(24, all.size());
    JsonNode entries = json(all.toString());
    List<JsonNode> calls = StaffApiCalls.history(entries, "call");
    assertEquals(6, calls.size());
    calls.forEach(c -> {
      assertEquals("NO_ANSWER", c.path("outcome").asText());
      assertEquals(OWNER, c.path("by").asText());
      assertTrue(c.path("orderId").asText().startsWith("ord"), c.toString());
    });
    List<JsonNode> mails = StaffApiCalls.history(entries, "mail");
    assertEquals(6, mails.size());
    JsonNode oldestMail = mails.get(mails.size() - 1);
    assertEquals("news-2", oldestMail.path("template").asText());
    assertEquals("BOUNCED", oldestMail.path("status").asText());
    assertEquals("bounce:Permanent/General", oldestMail.path("detail").asText());
    assertEquals("SENT", mails.get(0).path("status").asText());
    List<JsonNode> sms = StaffApiCalls.history(entries, "sms");
    assertEquals(5, sms.size());
    sms.forEach(m -> assertEquals("SMS", m.path("channel").asText()));
    List<JsonNode> notes = StaffApiCalls.history(entries, "note");
    assertEquals("Заметка 20", notes.get(0).path("text").asText());
    List<JsonNode> consent = StaffApiCalls.history(entries, "consent");
    assertEquals(List.of("WITHDRAWN", "GIVEN"), consent.stream().map(s -> s.path("kind").asText()).toList());
    assertEquals("SMS", consent.get(0).path("channel").asText());
  }

  @Test
  void aBadLimitOrCursorIsA400NamingTheField() {
    Customer other = customer("o", null, NOW);
    String foreign = ok(api.as(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()),
        query("limit", "1"), null), 200).path("nextCursor").asText();
    // a cursor of another customer's history is refused, not handed to DynamoDB
    Map<Map<String, String>, String> cases = new java.util.LinkedHashMap<>();
    for (Map<String, String> bad : List.of(query("limit", "0"), query("limit", "101"), query("limit", "ten"),
        query("cursor", "not-a-cursor"), query("cursor", "e30"))) {
      cases.put(bad, customer.id());
    }
    cases.put(query("cursor", foreign), other.id());
    cases.forEach((bad, id) -> {
      APIGatewayV2HTTPResponse r = api.as(OWNER, "[owner]", "get-customer-history.json", Map.of("id", id), bad, null);
      assertEquals(400, r.getStatusCode(), bad + ": " + r.getBody());
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"), r.getHeaders().toString());
      assertEquals(bad.keySet().iterator().next(), json(r).path("errors").get(0).path("field").asText(), r.getBody());
    });
    // the same cursor pages the history it came from
    assertEquals(200, api.as(OWNER, "[owner]", "get-customer-history.json", Map.of("id", customer.id()),
        query("cursor", foreign), null).getStatusCode());
  }

  @Test
  void aManagerReadsOnlyTheirOwnCustomersHistory() {
    JsonNode mine = ok(api.as(manager, "[manager]", "get-customer-history.json", Map.of("id", customer.id()),
        query("limit", "2"), null), 200);
    assertEquals(expected.subList(0, 2), entries(mine.path("entries")));
    assertEquals(expected.subList(0, 20), entries(ok(api.as(manager, "[manager]", "get-customer.json",
        Map.of("id", customer.id()), null, null), 200).path("history")));
    Map<String, String> id = Map.of("id", customer.id());
    assertEquals(403, api.as("mgr-other-" + run, "[manager]", "get-customer-history.json", id, null, null)
        .getStatusCode());
    assertEquals(403, api.as("wh-" + run, "[warehouse]", "get-customer-history.json", id, null, null).getStatusCode());
    assertEquals(404, api.as(OWNER, "[owner]", "get-customer-history.json", Map.of("id", "cus_nobody" + letters(6)),
        null, null).getStatusCode());
  }

  /** The entries of a page as {@code kind@at}, each with the one field of its kind. */
  private static List<String> entries(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> {
      String kind = e.path("kind").asText();
      String field = kind.equals("mail") || kind.equals("sms") ? "message" : kind;
      assertTrue(e.path(field).isObject(), e.toString());
      out.add(kind + "@" + e.path("at").asText());
    });
    return out;
  }

  private Customer customer(String suffix, String managerId, Instant consentAt) {
    Customer c = new Customer("cus_h" + run + suffix, "h" + run + suffix + "@example.com", "Ирина История" + run, null,
        null, true, consentAt, "ru", consentAt, managerId, null, null,
        List.of(new ConsentEvent(ConsentEvent.Kind.GIVEN, consentAt, "POST /customers", "req-" + run, null)));
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }
}
