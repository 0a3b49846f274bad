package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.letters;
import static dev.storeops.staffapi.StaffApiCalls.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lists that were not pages before (docs/api.md#lists), paged through the staff API on the AWS stack
 * with a page smaller than the list: a SKU's price timeline (supplier prices and shop price changes merged,
 * newest first, one cursor over both), a customer's orders (the dossier's first page, then
 * {@code GET /staff/customers/{id}/orders}); and every list route reads {@code limit} and {@code cursor}
 * one way: a bad one is a 400 problem+json naming the field (orders, tasks and the movement journal too).
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffHistoryPagingApiTest {
  private static final String OWNER = "owner-elena";
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.api = StaffApiCalls.on(stack);
    this.table = stack.tableName("StoreTable");
    assertEquals(200, call("put-warehouse.json", Map.of("id", "spb-1"), null,
        "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}").getStatusCode());
  }

  @Test
  void aSkusPriceTimelinePagesThroughBothHistoriesOnceNewestFirst() {
    String sku = product();
    Instant t0 = Instant.parse("2026-10-01T09:00:00Z");
    List<String> expected = new ArrayList<>();
    // the journal of two suppliers, the shop price changes of their rules, in time order
    supplierPrices(sku, "sup-a", t0, 10_000);
    shopPrice(sku, "sup-a", t0.plusSeconds(1), null, 15_000);
    supplierPrices(sku, "sup-b", t0.plusSeconds(60), 9_500);
    supplierPrices(sku, "sup-a", t0.plusSeconds(3600), 10_500);
    shopPrice(sku, "sup-a", t0.plusSeconds(3601), 15_000L, 15_800);
    supplierPrices(sku, "sup-b", t0.plusSeconds(7200), 9_900);
    // two changes at the same instant (two suppliers' rules): both are seen, in a stable order
    shopPrice(sku, "sup-b", t0.plusSeconds(7201), 15_800L, 16_000);
    shopPrice(sku, "sup-c", t0.plusSeconds(7201), 15_800L, 16_100);
    // a supplier whose prices were set before the journal existed: its current prices once
    currentOnly(sku, "sup-old", t0.minusSeconds(86_400), 8_000);
    expected.addAll(List.of(
        "shop|" + t0.plusSeconds(7201) + "|supplier:sup-b", "shop|" + t0.plusSeconds(7201) + "|supplier:sup-c",
        "supplier|" + t0.plusSeconds(7200) + "|sup-b", "shop|" + t0.plusSeconds(3601) + "|supplier:sup-a",
        "supplier|" + t0.plusSeconds(3600) + "|sup-a", "supplier|" + t0.plusSeconds(60) + "|sup-b",
        "shop|" + t0.plusSeconds(1) + "|supplier:sup-a", "supplier|" + t0 + "|sup-a",
        "supplier|" + t0.minusSeconds(86_400) + "|sup-old"));

    List<JsonNode> pages = pages(cursor -> query("limit", "2", "cursor", cursor), "get-sku-prices.json",
        Map.of("sku", sku));
    assertEquals(5, pages.size(), pages.toString());
    List<String> seen = new ArrayList<>();
    for (JsonNode page : pages) {
      assertTrue(page.path("entries").size() <= 2, page.toString());
      assertEquals(sku, page.path("sku").asText());
      // each supplier's current prices come with every page
      assertEquals(3, page.path("current").size(), page.toString());
      page.path("entries").forEach(e -> seen.add(key(e)));
    }
    assertEquals(expected, seen, "newest first, each entry once, both histories in one timeline");
    JsonNode legacy = pages.get(pages.size() - 1).path("entries").get(0);
    assertFalse(legacy.path("journal").asBoolean(), legacy.toString());
    JsonNode change = pages.get(1).path("entries").get(1);
    assertEquals(15_000, change.path("oldPriceMinor").asInt(), change.toString());
    assertEquals(15_800, change.path("newPriceMinor").asInt(), change.toString());

    // without a limit: one page of all of them (the default, 50)
    JsonNode all = json(call("get-sku-prices.json", Map.of("sku", sku), null, null));
    assertEquals(expected.size(), all.path("entries").size());
    assertFalse(all.has("nextCursor"), all.toString());
  }

  @Test
  void theDossierCarriesTheFirstOrdersAndTheCustomersOrdersPageOnce() {
    String sku = product();
    String customerId = customer(null).id();
    List<JsonNode> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(placeOrder(customerId, sku));
    }
    // newest first; two orders of one instant by id
    List<String> newestFirst = placed.stream().sorted(java.util.Comparator
        .comparing((JsonNode o) -> Instant.parse(o.path("createdAt").asText())).reversed()
        .thenComparing(o -> o.path("id").asText())).map(o -> o.path("id").asText()).toList();

    APIGatewayV2HTTPResponse first = call("get-customer.json", Map.of("id", customerId), query("limit", "2"), null);
    assertEquals(200, first.getStatusCode(), first.getBody());
    JsonNode dossier = json(first);
    assertEquals(5, dossier.path("totals").path("orderCount").asInt(), "the totals count every order");
    List<String> seen = new ArrayList<>();
    dossier.path("orders").forEach(o -> seen.add(o.path("id").asText()));
    assertEquals(newestFirst.subList(0, 2), seen);
    String cursor = dossier.path("ordersNextCursor").asText(null);
    assertNotNull(cursor, dossier.toString());

    List<JsonNode> rest = pages(c -> query("limit", "2", "cursor", c == null ? cursor : c), "get-customer-orders.json",
        Map.of("id", customerId));
    assertEquals(2, rest.size(), rest.toString());
    rest.forEach(page -> {
      assertEquals(customerId, page.path("customerId").asText());
      page.path("orders").forEach(o -> seen.add(o.path("id").asText()));
    });
    assertEquals(newestFirst, seen, "newest first, each order once");
    assertEquals(seen.size(), new TreeSet<>(seen).size());

    // the default dossier holds all five: no cursor
    JsonNode whole = json(call("get-customer.json", Map.of("id", customerId), null, null));
    assertEquals(5, whole.path("orders").size());
    assertFalse(whole.has("ordersNextCursor"), whole.toString());
    // the orders route from the start: the same list
    List<String> fromStart = new ArrayList<>();
    pages(c -> query("limit", "3", "cursor", c), "get-customer-orders.json", Map.of("id", customerId))
        .forEach(page -> page.path("orders").forEach(o -> fromStart.add(o.path("id").asText())));
    assertEquals(newestFirst, fromStart);
  }

  @Test
  void aManagerPagesOnlyTheirOwnCustomersOrders() {
    String sku = product();
    String mine = customer("mgr-pages").id();
    String theirs = customer("mgr-other").id();
    order(mine, sku);
    order(theirs, sku);
    APIGatewayV2HTTPResponse own = as("mgr-pages", "[manager]", "get-customer-orders.json", Map.of("id", mine), null);
    assertEquals(200, own.getStatusCode(), own.getBody());
    assertEquals(1, json(own).path("orders").size());
    APIGatewayV2HTTPResponse other = as("mgr-pages", "[manager]", "get-customer-orders.json", Map.of("id", theirs), null);
    assertEquals(403, other.getStatusCode(), other.getBody());
    assertEquals(404, call("get-customer-orders.json", Map.of("id", "cus_nobody" + letters(6)), null, null)
        .getStatusCode());
  }

  @Test
  void everyListReadsLimitAndCursorOneWay() {
    String sku = product();
    String customerId = customer(null).id();
    order(customerId, sku);
    Map<String, Map<String, String>> paths = new LinkedHashMap<>();
    Map<String, Map<String, String>> queries = new LinkedHashMap<>();
    Map<String, Integer> max = new LinkedHashMap<>();
    paths.put("get-sku-prices.json", Map.of("sku", sku));
    queries.put("get-sku-prices.json", Map.of());
    max.put("get-sku-prices.json", 100);
    paths.put("get-customer-orders.json", Map.of("id", customerId));
    queries.put("get-customer-orders.json", Map.of());
    max.put("get-customer-orders.json", 100);
    paths.put("list-orders.json", null);
    queries.put("list-orders.json", Map.of("status", "NEW"));
    max.put("list-orders.json", 100);
    paths.put("list-tasks.json", null);
    queries.put("list-tasks.json", Map.of("assignee", OWNER));
    max.put("list-tasks.json", 100);
    paths.put("get-stock-movements.json", Map.of("sku", sku));
    queries.put("get-stock-movements.json", Map.of());
    max.put("get-stock-movements.json", 200);
    // a cursor another list returned: the team's (two managers at least)
    for (int i = 0; i < 2; i++) {
      assertEquals(200, call("put-manager.json", Map.of("id", "mgr-hp" + letters(6)), null,
          "{\"name\":\"Пейджев\",\"email\":\"hp@example.com\",\"onShift\":false}").getStatusCode());
    }
    String teamCursor = json(call("get-team.json", null, query("limit", "1"), null)).path("nextCursor").asText();
    assertFalse(teamCursor.isEmpty());
    for (var list : paths.keySet()) {
      int most = max.get(list);
      APIGatewayV2HTTPResponse atMost = call(list, paths.get(list), with(queries.get(list), "limit", "" + most), null);
      assertEquals(200, atMost.getStatusCode(), list + " limit " + most + ": " + atMost.getBody());
      for (var bad : List.of(Map.of("limit", "0"), Map.of("limit", "" + (most + 1)), Map.of("limit", "ten"),
          Map.of("limit", "2.5"), Map.of("cursor", "not-a-cursor"), Map.of("cursor", "e30"),
          Map.of("cursor", teamCursor))) {
        Map<String, String> q = new HashMap<>(queries.get(list));
        q.putAll(bad);
        APIGatewayV2HTTPResponse r = call(list, paths.get(list), q, null);
        assertEquals(400, r.getStatusCode(), list + " " + q + ": " + r.getBody());
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"), r.getHeaders().toString());
        String field = bad.keySet().iterator().next();
        assertEquals(field, json(r).path("errors").get(0).path("field").asText(), list + " " + q + ": " + r.getBody());
      }
    }
    // the dossier takes a limit for its first page of orders, the same way
    for (String bad : List.of("0", "101", "ten")) {
      APIGatewayV2HTTPResponse r = call("get-customer.json", Map.of("id", customerId), query("limit", bad), null);
      assertEquals(400, r.getStatusCode(), r.getBody());
      assertEquals("limit", json(r).path("errors").get(0).path("field").asText());
    }
    // a movement cursor of another SKU's journal is refused
    String other = product();
    for (int i = 0; i < 2; i++) {
      assertEquals(200, call("put-stock.json", Map.of("sku", other, "warehouse", "spb-1"), null,
          "{\"onHand\":" + (20 + i) + "}").getStatusCode());
    }
    JsonNode journal = json(call("get-stock-movements.json", Map.of("sku", other), query("limit", "1"), null));
    String movementCursor = journal.path("nextCursor").asText();
    assertFalse(movementCursor.isEmpty(), journal.toString());
    assertEquals(movementCursor, journal.path("next").asText(), "the deprecated name still answered");
    APIGatewayV2HTTPResponse elsewhere = call("get-stock-movements.json", Map.of("sku", sku),
        query("cursor", movementCursor), null);
    assertEquals(400, elsewhere.getStatusCode(), elsewhere.getBody());
    assertEquals("cursor", json(elsewhere).path("errors").get(0).path("field").asText());
    // and the older name `next` is read the same way: the page after the first
    JsonNode two = json(call("get-stock-movements.json", Map.of("sku", other), query("limit", "2"), null));
    JsonNode older = json(call("get-stock-movements.json", Map.of("sku", other),
        query("limit", "1", "next", movementCursor), null));
    assertEquals(two.path("movements").get(1), older.path("movements").get(0), older.toString());
  }

  private static String key(JsonNode e) {
    String kind = e.path("kind").asText();
    return kind + "|" + e.path("at").asText() + "|" + (kind.equals("shop") ? e.path("source").asText()
        : e.path("supplierId").asText());
  }

  /** A supplier price journal entry as the stock import writes it (stock-import's DynamoSupplierPrices). */
  private void supplierPrices(String sku, String supplier, Instant at, long purchase) {
    Map<String, AttributeValue> entry = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(sku),
        TableKeys.PRICE_LOG.key(at + "#" + supplier)));
    entry.put("type", Items.s("SupplierPriceEntry"));
    entry.put("sku", Items.s(sku));
    entry.put("supplierId", Items.s(supplier));
    entry.put("currency", Items.s("RUB"));
    entry.put("file", Items.s("incoming/" + supplier + "/prices.csv"));
    entry.put("at", Items.s(at.toString()));
    entry.put("purchasePriceMinor", Items.n(purchase));
    stack.dynamoDb().putItem(p -> p.tableName(table).item(entry));
    current(sku, supplier, at, purchase);
  }

  /** A supplier's current prices for a SKU, as the stock import keeps them. */
  private void current(String sku, String supplier, Instant at, long purchase) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(sku),
        "SUPPLIERPRICE#" + supplier));
    item.put("type", Items.s("SupplierPrice"));
    item.put("supplierId", Items.s(supplier));
    item.put("file", Items.s("incoming/" + supplier + "/prices.csv"));
    item.put("updatedAt", Items.s(at.toString()));
    item.put("purchasePriceMinor", Items.n(purchase));
    stack.dynamoDb().putItem(p -> p.tableName(table).item(item));
  }

  private void currentOnly(String sku, String supplier, Instant at, long purchase) {
    current(sku, supplier, at, purchase);
  }

  /** A shop price change as a supplier's price rule writes it (stock-import's DynamoSupplierPrices). */
  private void shopPrice(String sku, String supplier, Instant at, Long old, long price) {
    Map<String, AttributeValue> history = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(sku),
        "PRICE#" + at + "#" + supplier));
    history.put("type", Items.s("PriceChange"));
    history.put("sku", Items.s(sku));
    if (old != null) {
      history.put("oldPriceMinor", Items.n(old));
    }
    history.put("newPriceMinor", Items.n(price));
    history.put("currency", Items.s("RUB"));
    history.put("source", Items.s("supplier:" + supplier));
    history.put("file", Items.s("incoming/" + supplier + "/prices.csv"));
    history.put("at", Items.s(at.toString()));
    stack.dynamoDb().putItem(p -> p.tableName(table).item(history));
  }

  /** A product (the fixture's) with stock in spb-1. */
  private String product() {
    String sku = "PG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    APIGatewayV2HTTPResponse put = call("put-product.json", Map.of("sku", sku), null, null);
    assertEquals(200, put.getStatusCode(), put.getBody());
    APIGatewayV2HTTPResponse stock = call("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"), null,
        "{\"onHand\":100}");
    assertEquals(200, stock.getStatusCode(), stock.getBody());
    return sku;
  }

  private Customer customer(String manager) {
    String p = letters(8);
    Customer c = new Customer("cus_hp" + p, "hp" + p + "@example.com", "Пейджев " + p, null, null, false, null, "ru",
        Instant.parse("2026-11-01T10:00:00Z"), manager);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }

  /** A phone order of the customer through the staff API; its id. */
  private String order(String customerId, String sku) {
    return placeOrder(customerId, sku).path("id").asText();
  }

  /** A phone order of the customer through the staff API, as answered. */
  private JsonNode placeOrder(String customerId, String sku) {
    return StaffApiCalls.ok(api.as(OWNER, "[owner]", StaffApiCalls.newOrder(customerId, sku, 1, Map.of())), 201);
  }

  /** The pages of a list as the owner. */
  private List<JsonNode> pages(Function<String, Map<String, String>> query, String fixture, Map<String, String> path) {
    return api.pages(OWNER, "[owner]", fixture, path, query);
  }

  private static Map<String, String> with(Map<String, String> q, String name, String value) {
    Map<String, String> out = new HashMap<>(q);
    out.put(name, value);
    return out;
  }

  private APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, Map<String, String> query, String body) {
    return api.as(OWNER, "[owner]", fixture, path, query, body);
  }

  private APIGatewayV2HTTPResponse as(String sub, String groups, String fixture, Map<String, String> path,
      Map<String, String> query) {
    return api.as(sub, groups, fixture, path, query, null);
  }
}
