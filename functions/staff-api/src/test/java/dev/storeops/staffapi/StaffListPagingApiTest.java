package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.letters;
import static dev.storeops.staffapi.StaffApiCalls.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lists that page with the API's one cursor (docs/api.md#lists) — customer search and the team (import
 * reports: staff-files' StaffSupplierFilesApiTest) — paged through the staff API on the AWS stack with a page smaller than the list: every item is
 * seen exactly once, the last page has no nextCursor, and a bad limit or cursor is a 400 naming the field.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffListPagingApiTest {
  private static final String OWNER = "owner-elena";
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
    this.table = stack.tableName("StoreTable");
  }

  @Test
  void aNameSearchPagesThroughEveryCustomerOnce() {
    String p = letters(5);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 7; i++) {
      expected.add(customer("cus_pg" + p + i, "pg" + p + i + "@example.com", "Пагинов" + p + " " + (char) ('a' + i), null, null).id());
    }
    // filed under two terms that both match: still one result
    expected.add(customer("cus_pg" + p + "x", "pg" + p + "x@example.com", "Пагинов" + p + " Пагинов" + p + "а", null, null).id());
    List<JsonNode> pages = pages(cursor -> query("q", "пагинов" + p, "limit", "3", "cursor", cursor), "search-customers.json");
    assertTrue(pages.size() >= 3, pages.toString());
    assertEquals(new ArrayList<>(expected), seenOnce(pages, "customers", "id"));
    pages.forEach(page -> assertTrue(page.path("customers").size() <= 3, page.toString()));
  }

  @Test
  void aPhoneSearchPagesThroughEveryCustomerOfThePhone() {
    String p = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String phone = "+79" + String.valueOf(100_000_000L + Math.abs((long) p.hashCode()) % 899_999_999L);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 5; i++) {
      expected.add(customer("cus_ph" + p + i, "ph" + p + i + "@example.com", "Тел " + i, phone, null).id());
    }
    List<JsonNode> pages = pages(cursor -> query("q", phone, "limit", "2", "cursor", cursor), "search-customers.json");
    assertEquals(3, pages.size(), pages.toString());
    assertEquals(new ArrayList<>(expected), seenOnce(pages, "customers", "id"));
  }

  @Test
  void theTeamPagesThroughEveryManagerOnce() {
    String p = UUID.randomUUID().toString().substring(0, 6);
    Set<String> mine = new TreeSet<>();
    for (int i = 0; i < 5; i++) {
      String id = "mgr-pg" + p + i;
      mine.add(id);
      assertEquals(200, call("put-manager.json", Map.of("id", id), null, "{\"name\":\"Пейдж " + p + i
          + "\",\"email\":\"pg@example.com\",\"onShift\":" + (i % 2 == 0) + "}").getStatusCode());
    }
    List<JsonNode> pages = pages(cursor -> query("limit", "2", "cursor", cursor), "get-team.json");
    assertTrue(pages.size() >= 3, pages.toString());
    List<String> all = seenOnce(pages, "managers", "id");
    assertTrue(all.containsAll(mine), all.toString());
    // on shift first, across the pages too
    List<Boolean> shifts = new ArrayList<>();
    pages.forEach(page -> page.path("managers").forEach(m -> shifts.add(m.path("onShift").asBoolean())));
    assertEquals(shifts.stream().sorted((a, b) -> Boolean.compare(b, a)).toList(), shifts);
    pages.forEach(page -> assertEquals(pages.get(0).path("onShift").asInt(), page.path("onShift").asInt()));
  }

  @Test
  void aBadLimitOrCursorIsA400NamingTheField() {
    Map<String, Map<String, String>> lists = new LinkedHashMap<>();
    lists.put("search-customers.json", Map.of("q", "пагинов"));
    lists.put("get-team.json", Map.of());
    for (var list : lists.entrySet()) {
      for (var bad : List.of(Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"),
          Map.of("cursor", "not-a-cursor"), Map.of("cursor", "e30"))) {
        Map<String, String> q = new HashMap<>(list.getValue());
        q.putAll(bad);
        APIGatewayV2HTTPResponse r = call(list.getKey(), null, q, null);
        assertEquals(400, r.getStatusCode(), list.getKey() + " " + q + ": " + r.getBody());
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"), r.getHeaders().toString());
        String field = bad.keySet().iterator().next();
        assertEquals(field, json(r).path("errors").get(0).path("field").asText(), r.getBody());
      }
    }
    // a cursor of another search is refused, not handed to DynamoDB
    String p = letters(4);
    for (int i = 0; i < 3; i++) {
      customer("cus_pc" + p + i, "pc" + p + i + "@example.com", "Курсоров" + p + " " + (char) ('a' + i), null, null);
    }
    JsonNode first = json(call("search-customers.json", null, query("q", "курсоров" + p, "limit", "1"), null));
    String cursor = first.path("nextCursor").asText();
    assertFalse(cursor.isEmpty(), first.toString());
    APIGatewayV2HTTPResponse other = call("search-customers.json", null, query("q", "другой", "cursor", cursor), null);
    assertEquals(400, other.getStatusCode(), other.getBody());
    assertEquals("cursor", json(other).path("errors").get(0).path("field").asText());
  }

  /** The ids under {@code array} across the pages, sorted, each asserted to be seen once. */
  private static List<String> seenOnce(List<JsonNode> pages, String array, String field) {
    List<String> seen = new ArrayList<>();
    pages.forEach(page -> page.path(array).forEach(item -> seen.add(item.path(field).asText())));
    assertEquals(seen.size(), new TreeSet<>(seen).size(), "an item on two pages: " + seen);
    return new ArrayList<>(new TreeSet<>(seen));
  }

  /** The fixture as the owner (the list's path, query string and body). */
  private APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, Map<String, String> query, String body) {
    return api.as(OWNER, "[owner]", fixture, path, query, body);
  }

  /** The pages of a list as the owner. */
  private List<JsonNode> pages(Function<String, Map<String, String>> query, String fixture) {
    return api.pages(OWNER, "[owner]", fixture, null, query);
  }

  private Customer customer(String id, String email, String name, String phone, String manager) {
    Customer c = new Customer(id, email, name, phone, null, false, null, "ru", Instant.parse("2026-11-01T10:00:00Z"),
        manager);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }
}
