package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.StockLevel;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The storefront's order endpoints through API Gateway v2 events, on the AWS stack from template.yaml. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiTest {
  private AwsStack stack;
  private OrderApiHandler handler;
  private DynamoCatalog catalog;
  private String table;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    this.table = stack.tableName("StoreTable");
    this.catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
    catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    catalog.putWarehouse(new Warehouse("spb-1", "Склад на Невском", "Санкт-Петербург"));
  }

  @AfterAll
  void tearDown() {
    pool.shutdownNow();
  }

  /** A new product with a unique SKU and the given stock in msk-1 and spb-1. */
  private String product(long priceMinor, long mskStock, long spbStock) {
    String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.putProduct(new Product(sku, "Товар " + sku, priceMinor, "RUB", 400, 150, 100, 80, "tea", null, null, null));
    catalog.setOnHand(sku, "msk-1", mskStock);
    catalog.setOnHand(sku, "spb-1", spbStock);
    return sku;
  }

  private static String email() {
    return "buyer." + UUID.randomUUID() + "@example.com";
  }

  /** The create-order fixture with our own lines, e-mail and key; no cart. */
  private static APIGatewayV2HTTPEvent createOrder(String key, String email, Map<String, Integer> lines) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/create-order.json");
    ObjectNode body = (ObjectNode) read(event.getBody());
    ((ObjectNode) body.get("customer")).put("email", email);
    ArrayNode array = body.putArray("lines");
    lines.forEach((sku, qty) -> array.addObject().put("sku", sku).put("qty", qty));
    body.remove("cartId");
    event.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", key);
    event.setHeaders(headers);
    return event;
  }

  private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode body = (ObjectNode) read(event.getBody());
    change.accept(body);
    event.setBody(body.toString());
    return event;
  }

  private static APIGatewayV2HTTPEvent getOrder(String id, String token) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/get-order.json");
    event.setPathParameters(Map.of("id", id));
    event.setQueryStringParameters(token == null ? null : Map.of("token", token));
    return event;
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return read(response.getBody());
  }

  private StockLevel stock(String sku, String warehouse) {
    return catalog.stock(sku).stream().filter(s -> s.warehouse().equals(warehouse)).findFirst().orElseThrow();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static Set<String> fields(APIGatewayV2HTTPResponse response) {
    Set<String> fields = new HashSet<>();
    json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  @Test
  void createsAnOrderReservesStockAndShowsItOnlyWithTheToken() {
    String tea = product(123450, 10, 0);
    String cup = product(50000, 0, 5);
    APIGatewayV2HTTPResponse created = handler.handleRequest(createOrder(key(), email(), Map.of(tea, 2, cup, 1)), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode order = json(created);
    String id = order.path("id").asText();
    String token = order.path("accessToken").asText();
    assertTrue(id.startsWith("ord_"));
    assertTrue(order.path("number").asText().matches("\\d{6}-[2-9A-Z]{6}"));
    assertEquals("AWAITING_PAYMENT", order.path("status").asText());
    assertEquals("SITE", order.path("channel").asText());
    assertEquals(2 * 123450 + 50000, order.path("itemsTotalMinor").asLong());
    long delivery = order.path("deliveryCostMinor").asLong();
    assertTrue(delivery > 0);
    assertEquals(2 * 123450 + 50000 + delivery, order.path("totalMinor").asLong());
    assertEquals("COURIER", order.path("delivery").path("option").asText());
    assertFalse(created.getBody().contains("reservations"));

    assertEquals(new StockLevel(tea, "msk-1", 10, 2, 8), stock(tea, "msk-1"));
    assertEquals(new StockLevel(cup, "spb-1", 5, 1, 4), stock(cup, "spb-1"));

    APIGatewayV2HTTPResponse read = handler.handleRequest(getOrder(id, token), null);
    assertEquals(200, read.getStatusCode(), read.getBody());
    assertEquals(id, json(read).path("id").asText());
    List<String> names = new ArrayList<>();
    json(read).path("lines").forEach(l -> names.add(l.path("name").asText()));
    assertEquals(Set.of("Товар " + tea, "Товар " + cup), Set.copyOf(names), "names from the catalog");
    assertEquals(404, handler.handleRequest(getOrder(id, token + "x"), null).getStatusCode());
    assertEquals(404, handler.handleRequest(getOrder(id, null), null).getStatusCode());
    assertEquals(404, handler.handleRequest(getOrder("ord_missing", token), null).getStatusCode());

    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(id))).item();
    assertFalse(item.toString().contains(token), "the token itself is never stored");
    assertEquals(64, item.get("accessTokenHash").s().length());
    assertEquals("STATUS#AWAITING_PAYMENT", item.get("gsi2pk").s());
    assertTrue(item.get("gsi1sk").s().startsWith("ORDER#"));
    assertEquals(2, item.get("reservations").l().size());
  }

  @Test
  void theSameKeyAndBodyReplaysTheOrderAnotherBodyIs422() {
    String tea = product(10000, 5, 0);
    String key = key();
    String email = email();
    APIGatewayV2HTTPResponse first = handler.handleRequest(createOrder(key, email, Map.of(tea, 1)), null);
    assertEquals(201, first.getStatusCode(), first.getBody());
    APIGatewayV2HTTPResponse again = handler.handleRequest(createOrder(key, email, Map.of(tea, 1)), null);
    assertEquals(201, again.getStatusCode(), again.getBody());
    assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
    assertEquals(json(first).path("id"), json(again).path("id"));
    assertEquals(json(first).path("accessToken"), json(again).path("accessToken"));
    assertEquals(4, stock(tea, "msk-1").available(), "reserved once");

    APIGatewayV2HTTPResponse other = handler.handleRequest(createOrder(key, email, Map.of(tea, 2)), null);
    assertEquals(422, other.getStatusCode(), other.getBody());
    assertEquals("application/problem+json; charset=utf-8", other.getHeaders().get("Content-Type"));
    assertEquals(4, stock(tea, "msk-1").available());
  }

  @Test
  void linesTheStockCannotCoverAre409ListingThemAndNothingIsReserved() {
    String ok = product(10000, 5, 0);
    String shortOne = product(10000, 1, 1);
    String none = product(10000, 0, 0);
    Map<String, Integer> lines = new java.util.LinkedHashMap<>();
    lines.put(ok, 2);
    lines.put(shortOne, 3);
    lines.put(none, 1);
    APIGatewayV2HTTPResponse response = handler.handleRequest(createOrder(key(), email(), lines), null);
    assertEquals(409, response.getStatusCode(), response.getBody());
    assertEquals(Set.of("lines[1]", "lines[2]"), fields(response));
    assertTrue(response.getBody().contains("requested 3, available 2"), response.getBody());
    assertEquals(5, stock(ok, "msk-1").available());
    assertEquals(0, stock(ok, "msk-1").reserved());
  }

  @Test
  void aLineIsSplitOverTwoWarehousesWhenOneIsNotEnough() {
    String tea = product(10000, 2, 3);
    APIGatewayV2HTTPResponse response = handler.handleRequest(createOrder(key(), email(), Map.of(tea, 4)), null);
    assertEquals(201, response.getStatusCode(), response.getBody());
    assertEquals(0, stock(tea, "msk-1").available());
    assertEquals(1, stock(tea, "spb-1").available());
  }

  @Test
  void fiftyConcurrentOrdersForTheLastUnitExactlyOneSucceeds() throws Exception {
    String last = product(10000, 1, 0);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      APIGatewayV2HTTPEvent event = createOrder(key(), email(), Map.of(last, 1));
      futures.add(pool.submit(() -> {
        start.await();
        return handler.handleRequest(event, null).getStatusCode();
      }));
    }
    start.countDown();
    Map<Integer, Integer> counts = new HashMap<>();
    for (Future<Integer> f : futures) {
      counts.merge(f.get(), 1, Integer::sum);
    }
    assertEquals(Map.of(201, 1, 409, 49), counts);
    StockLevel level = stock(last, "msk-1");
    assertEquals(0, level.available());
    assertEquals(1, level.reserved());
  }

  @Test
  void anExistingEmailIsMatchedCashOnDeliveryStartsNew() {
    String tea = product(10000, 5, 0);
    String email = email();
    JsonNode a = json(handler.handleRequest(createOrder(key(), email, Map.of(tea, 1)), null));
    APIGatewayV2HTTPEvent cod = withBody(createOrder(key(), email.toUpperCase(), Map.of(tea, 1)),
        b -> b.put("paymentMethod", "CASH_ON_DELIVERY"));
    APIGatewayV2HTTPResponse second = handler.handleRequest(cod, null);
    assertEquals(201, second.getStatusCode(), second.getBody());
    assertEquals("NEW", json(second).path("status").asText());
    String idA = stack.dynamoDb().getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(a.path("id").asText())))
        .item().get("customerId").s();
    String idB = stack.dynamoDb().getItem(g -> g.tableName(table)
        .key(DynamoOrderStore.orderKey(json(second).path("id").asText()))).item().get("customerId").s();
    assertEquals(idA, idB);
  }

  @Test
  void anOrderFromACartClosesIt() {
    String tea = product(10000, 5, 0);
    String cartId = "cart-" + UUID.randomUUID();
    APIGatewayV2HTTPEvent put = EventLoader.loadApiGatewayHttpEvent("events/order-api/put-cart.json");
    put.setPathParameters(Map.of("id", cartId));
    put.setBody("{\"lines\":[{\"sku\":\"" + tea + "\",\"qty\":2}]}");
    APIGatewayV2HTTPResponse saved = handler.handleRequest(put, null);
    assertEquals(201, saved.getStatusCode(), saved.getBody());
    assertEquals("OPEN", json(saved).path("status").asText());
    String cartToken = json(saved).path("cartToken").asText();
    assertTrue(cartToken.length() >= 32, "the cart token is returned once, at creation");
    put.setHeaders(withHeader(put.getHeaders(), "X-Cart-Token", cartToken));

    APIGatewayV2HTTPEvent get = EventLoader.loadApiGatewayHttpEvent("events/order-api/get-cart.json");
    get.setPathParameters(Map.of("id", cartId));
    assertEquals(404, handler.handleRequest(get, null).getStatusCode(), "no cart token: not found");
    get.setHeaders(withHeader(get.getHeaders(), "X-Cart-Token", cartToken));
    JsonNode cart = json(handler.handleRequest(get, null));
    assertFalse(cart.has("cartToken"), "shown only once");
    assertEquals(tea, cart.path("lines").get(0).path("sku").asText());
    assertTrue(cart.hasNonNull("updatedAt"));
    var openItem = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of("pk", AttributeValue.fromS("CART#" + cartId),
        "sk", AttributeValue.fromS("CART")))).item();
    assertEquals("CART#OPEN", openItem.get("gsi2pk").s());

    APIGatewayV2HTTPResponse withoutToken = handler.handleRequest(withBody(createOrder(key(), email(), Map.of(tea, 2)),
        b -> b.put("cartId", cartId)), null);
    assertEquals(400, withoutToken.getStatusCode(), "an order from a cart needs the cart token");
    APIGatewayV2HTTPEvent fromCart = withBody(createOrder(key(), email(), Map.of(tea, 2)), b -> b.put("cartId", cartId));
    fromCart.setHeaders(withHeader(fromCart.getHeaders(), "X-Cart-Token", cartToken));
    APIGatewayV2HTTPResponse order = handler.handleRequest(fromCart, null);
    assertEquals(201, order.getStatusCode(), order.getBody());
    JsonNode closed = json(handler.handleRequest(get, null));
    assertEquals("ORDERED", closed.path("status").asText());
    assertEquals(json(order).path("id").asText(), closed.path("orderId").asText());
    var closedItem = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of("pk", AttributeValue.fromS("CART#" + cartId),
        "sk", AttributeValue.fromS("CART")))).item();
    assertNull(closedItem.get("gsi2pk"));

    assertEquals(409, handler.handleRequest(put, null).getStatusCode());
    APIGatewayV2HTTPEvent again = withBody(createOrder(key(), email(), Map.of(tea, 1)), b -> b.put("cartId", cartId));
    again.setHeaders(withHeader(again.getHeaders(), "X-Cart-Token", cartToken));
    APIGatewayV2HTTPResponse twice = handler.handleRequest(again, null);
    assertEquals(409, twice.getStatusCode());
    assertEquals(3, stock(tea, "msk-1").available());

    APIGatewayV2HTTPEvent delete = EventLoader.loadApiGatewayHttpEvent("events/order-api/delete-cart.json");
    delete.setPathParameters(Map.of("id", cartId));
    assertEquals(404, handler.handleRequest(delete, null).getStatusCode(), "no cart token: not deleted");
    delete.setHeaders(withHeader(delete.getHeaders(), "X-Cart-Token", cartToken));
    assertEquals(204, handler.handleRequest(delete, null).getStatusCode());
    assertEquals(404, handler.handleRequest(get, null).getStatusCode());
    assertEquals(404, handler.handleRequest(delete, null).getStatusCode());
  }

  static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new java.util.HashMap<>(headers == null ? Map.of() : headers);
    copy.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return copy;
  }

  @Test
  void stockShowsTheTotalAndEachWarehouse() {
    String tea = product(10000, 7, 3);
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/get-stock.json");
    event.setPathParameters(Map.of("sku", tea));
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode body = json(response);
    assertEquals(10, body.path("available").asLong());
    assertEquals(2, body.path("warehouses").size());
    event.setPathParameters(Map.of("sku", "NO-SUCH-SKU"));
    assertEquals(404, handler.handleRequest(event, null).getStatusCode());
  }

  @Test
  void deliveryOptionsDependOnTheCity() {
    String tea = product(10000, 7, 3);
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/delivery-options.json");
    event.setQueryStringParameters(Map.of("city", "Казань", "skus", tea + ":2"));
    APIGatewayV2HTTPResponse kazan = handler.handleRequest(event, null);
    assertEquals(200, kazan.getStatusCode(), kazan.getBody());
    List<String> ids = new ArrayList<>();
    json(kazan).path("options").forEach(o -> ids.add(o.path("id").asText()));
    assertEquals(List.of("PARCEL_CDEK", "PARCEL_POST"), ids);
    // one S box (9 000 cm³ → 1.8 kg volumetric vs 0.8 kg) → 2 kg, zone 2: 400.00 + 2 × 60.00
    assertEquals(52000, json(kazan).path("options").get(0).path("costMinor").asLong());

    event.setQueryStringParameters(Map.of("city", "Санкт-Петербург", "skus", tea));
    ids.clear();
    json(handler.handleRequest(event, null)).path("options").forEach(o -> ids.add(o.path("id").asText()));
    assertEquals(List.of("PICKUP", "COURIER"), ids);

    event.setQueryStringParameters(Map.of("city", "Казань", "skus", "NOPE-1"));
    APIGatewayV2HTTPResponse unknown = handler.handleRequest(event, null);
    assertEquals(400, unknown.getStatusCode());
    assertEquals(Set.of("skus"), fields(unknown));
    event.setQueryStringParameters(Map.of("skus", tea));
    assertEquals(Set.of("city"), fields(handler.handleRequest(event, null)));
  }

  @Test
  void badInputIs4xxNamingTheFieldNever500() {
    String tea = product(10000, 5, 0);
    APIGatewayV2HTTPEvent invalid = EventLoader.loadApiGatewayHttpEvent("events/order-api/create-order-invalid.json");
    APIGatewayV2HTTPResponse r = handler.handleRequest(invalid, null);
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertEquals(Set.of("customer.email", "customer.name", "customer.phone", "lines[0].qty", "lines[1].sku",
        "lines[2].sku", "lines[2].qty", "delivery.option", "delivery.city", "paymentMethod", "channel"), fields(r));

    APIGatewayV2HTTPEvent noKey = createOrder(key(), email(), Map.of(tea, 1));
    noKey.setHeaders(Map.of("content-type", "application/json"));
    assertEquals(Set.of("Idempotency-Key"), fields(handler.handleRequest(noKey, null)));

    assertEquals(Set.of("lines[0].sku"), fields(handler.handleRequest(createOrder(key(), email(), Map.of("NO-SUCH", 1)), null)));

    Map<String, Integer> many = new HashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("SKU-" + i, 1);
    }
    APIGatewayV2HTTPResponse tooMany = handler.handleRequest(createOrder(key(), email(), many), null);
    assertEquals(400, tooMany.getStatusCode());
    assertEquals(Set.of("lines"), fields(tooMany));

    assertEquals(Set.of("delivery.option"), fields(handler.handleRequest(withBody(createOrder(key(), email(), Map.of(tea, 1)),
        b -> ((ObjectNode) b.get("delivery")).put("city", "Казань")), null)));
    assertEquals(Set.of("lines[0].qty"), fields(handler.handleRequest(withBody(createOrder(key(), email(), Map.of(tea, 1)),
        b -> ((ObjectNode) b.get("lines").get(0)).put("qty", "many")), null)));
    assertEquals(Set.of("customerId"), fields(handler.handleRequest(withBody(createOrder(key(), email(), Map.of(tea, 1)),
        b -> b.put("customerId", "cus_nobody")), null)));

    APIGatewayV2HTTPEvent malformed = createOrder(key(), email(), Map.of(tea, 1));
    malformed.setBody("{\"lines\": [");
    assertEquals(Set.of("body"), fields(handler.handleRequest(malformed, null)));
    APIGatewayV2HTTPEvent huge = createOrder(key(), email(), Map.of(tea, 1));
    huge.setBody("{\"cartId\":\"" + "x".repeat(300 * 1024) + "\"}");
    assertEquals(413, handler.handleRequest(huge, null).getStatusCode());

    assertEquals(5, stock(tea, "msk-1").available(), "no bad request reserved anything");
  }

  @Test
  void eachCreatedOrderIsAnnouncedOnTheOrderEventsQueue() {
    String tea = product(10000, 5, 0);
    JsonNode order = json(handler.handleRequest(createOrder(key(), email(), Map.of(tea, 1)), null));
    String id = order.path("id").asText();
    boolean found = false;
    for (int i = 0; i < 10 && !found; i++) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(stack.queueUrl("OrderEventsQueue"))
          .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
      for (var m : messages) {
        JsonNode body = read(m.body());
        if (id.equals(body.path("orderId").asText())) {
          found = true;
          assertEquals("OrderCreated", body.path("type").asText());
          assertEquals(order.path("accessToken").asText(), body.path("accessToken").asText());
        }
      }
    }
    assertTrue(found, "OrderCreated for " + id);
    assertNotEquals("", id);
  }
}
