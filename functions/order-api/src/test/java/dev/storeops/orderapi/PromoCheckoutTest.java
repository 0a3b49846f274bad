package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoPromoCodes;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Promo codes at checkout ({@code promoCode} on {@code POST /orders}) and the purchase cost each line
 * records, through the order-api handler on the AWS stack (docs/money.md).
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromoCheckoutTest {
  private static final long PRICE = 100_000;
  private static final long PURCHASE_PRICE = 61_000;
  private AwsStack stack;
  private OrderApiHandler handler;
  private DynamoCatalog catalog;
  private DynamoOrderStore orders;
  private String table;
  private final ExecutorService pool = Executors.newFixedThreadPool(20);

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    this.table = stack.tableName("StoreTable");
    this.catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
    this.orders = new DynamoOrderStore(stack.dynamoDb(), table);
    catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
  }

  @AfterAll
  void tearDown() {
    pool.shutdownNow();
  }

  /** A product priced {@value #PRICE} with {@code stock} units in msk-1 bought at {@code purchasePrice} (as the stock import stores it). */
  private String product(long stock, Long purchasePrice) {
    String sku = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.putProduct(new Product(sku, "Товар " + sku, PRICE, "RUB", 400, 150, 100, 80, "tea", null, null, null));
    catalog.setOnHand(sku, "msk-1", stock);
    if (purchasePrice != null) {
      stack.dynamoDb().updateItem(u -> u.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
          .updateExpression("SET supplierPrice = :p").expressionAttributeValues(Map.of(":p", Items.n(purchasePrice))));
    }
    return sku;
  }

  private static APIGatewayV2HTTPEvent order(String email, String sku, int qty, String promoCode) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/create-order.json");
    ObjectNode body = (ObjectNode) read(event.getBody());
    ((ObjectNode) body.get("customer")).put("email", email);
    ArrayNode lines = body.putArray("lines");
    lines.addObject().put("sku", sku).put("qty", qty);
    body.remove("cartId");
    if (promoCode != null) {
      body.put("promoCode", promoCode);
    }
    event.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", UUID.randomUUID().toString());
    event.setHeaders(headers);
    return event;
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String email() {
    return "promo." + UUID.randomUUID() + "@example.com";
  }

  private String customerId(String email) {
    return new DynamoCustomerStore(stack.dynamoDb(), table).findIdByEmail(email).orElseThrow();
  }

  private APIGatewayV2HTTPResponse place(String email, String sku, int qty, String code) {
    return handler.handleRequest(order(email, sku, qty, code), null);
  }

  private static void assertRefused(APIGatewayV2HTTPResponse response, String reason) {
    assertEquals(409, response.getStatusCode(), response.getBody());
    assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    JsonNode problem = read(response.getBody());
    assertEquals("https://storeops.dev/problems/" + reason, problem.path("type").asText(), response.getBody());
    assertEquals("promoCode", problem.path("errors").path(0).path("field").asText());
  }

  private long uses(String code) {
    return Items.num(stack.dynamoDb().getItem(g -> g.tableName(table).key(PromoItems.codeKey(code)).consistentRead(true))
        .item(), "uses", -1);
  }

  @Test
  void aBirthdayCodeIsAcceptedOnceForItsOwnerWithTheDiscountAndRefusedTheSecondTime() {
    String sku = product(10, PURCHASE_PRICE);
    String email = email();
    assertEquals(201, place(email, sku, 1, null).getStatusCode(), "the customer's first order, full price");
    String customerId = customerId(email);
    // the birthday flow's own store issues the code (10 %, one use, the owner's only)
    String code = new DynamoPromoCodes(stack.dynamoDb(), table)
        .issue(customerId, 2031, 10, Instant.now().plus(Duration.ofDays(14))).code();

    APIGatewayV2HTTPResponse stranger = place(email(), sku, 1, code);
    assertRefused(stranger, "promo-code-not-yours");

    APIGatewayV2HTTPResponse first = place(email, sku, 2, code.toLowerCase());
    assertEquals(201, first.getStatusCode(), first.getBody());
    JsonNode view = read(first.getBody());
    assertEquals(2 * PRICE, view.path("itemsTotalMinor").asLong());
    assertEquals(20_000, view.path("discountMinor").asLong(), "10 % of the goods");
    assertEquals(code, view.path("promoCode").asText());
    assertEquals(2 * PRICE - 20_000 + view.path("deliveryCostMinor").asLong(), view.path("totalMinor").asLong());
    assertEquals(20_000, view.path("lines").path(0).path("discountMinor").asLong());
    assertTrue(view.path("lines").path(0).path("costMinor").isMissingNode(), "the customer never sees our cost");

    Order stored = orders.find(view.path("id").asText()).orElseThrow();
    assertEquals(code, stored.promo().code());
    assertEquals("birthday", stored.promo().source());
    assertEquals(1, uses(code));

    APIGatewayV2HTTPResponse second = place(email, sku, 1, code);
    assertRefused(second, "promo-code-used");
    assertEquals(1, uses(code));
  }

  @Test
  void twentyConcurrentOrdersWithOneSingleUseCodeMakeExactlyOneDiscountedOrder() throws Exception {
    String sku = product(100, PURCHASE_PRICE);
    String code = "ONCE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stack.dynamoDb().putItem(p -> p.tableName(table).item(PromoItems.item(new PromoCode(code, PromoCode.CAMPAIGN,
        "cmp_test", null, null, 30_000L, 0, null, Instant.now().plus(Duration.ofDays(1)), 1, 0, false))));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String email = email();
      futures.add(pool.submit(() -> {
        start.await();
        return place(email, sku, 1, code);
      }));
    }
    start.countDown();
    List<JsonNode> placed = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> f : futures) {
      APIGatewayV2HTTPResponse r = f.get();
      if (r.getStatusCode() == 201) {
        placed.add(read(r.getBody()));
      } else {
        assertTrue(r.getStatusCode() == 409 || r.getStatusCode() == 503, r.getBody());
        assertNotEquals(201, r.getStatusCode());
      }
    }
    assertEquals(1, placed.size(), "exactly one order got the single use; no order was placed at full price");
    assertEquals(30_000, placed.get(0).path("discountMinor").asLong());
    assertEquals(1, uses(code));
    assertEquals(99, catalog.stock(sku).get(0).available(), "only the discounted order reserved stock");
  }

  @Test
  void wrongCodesAreRefusedNamingTheReason() {
    String sku = product(10, null);
    assertRefused(place(email(), sku, 1, "NO-SUCH-CODE"), "promo-code-unknown");
    String expired = "OLD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stack.dynamoDb().putItem(p -> p.tableName(table).item(PromoItems.item(new PromoCode(expired, PromoCode.CAMPAIGN,
        "cmp_old", null, 5, null, 0, null, Instant.now().minusSeconds(60), null, 0, false))));
    assertRefused(place(email(), sku, 1, expired), "promo-code-expired");
    String big = "BIG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stack.dynamoDb().putItem(p -> p.tableName(table).item(PromoItems.item(new PromoCode(big, PromoCode.CAMPAIGN,
        "cmp_big", null, 5, null, 3 * PRICE, null, null, null, 0, true))));
    assertRefused(place(email(), sku, 2, big), "promo-code-below-minimum");
    String email = email();
    assertEquals(201, place(email, sku, 3, big).getStatusCode());
    assertRefused(place(email, sku, 3, big), "promo-code-used-by-you");
    assertEquals(201, place(email(), sku, 3, big).getStatusCode(), "another customer may still use it");
    assertEquals(2, uses(big));
  }

  @Test
  void eachLineRecordsThePurchaseCostOfTheUnitsItReserved() {
    String sku = product(10, PURCHASE_PRICE);
    APIGatewayV2HTTPResponse created = place(email(), sku, 3, null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    Order order = orders.find(read(created.getBody()).path("id").asText()).orElseThrow();
    OrderLine line = order.lines().get(0);
    assertEquals(3 * PURCHASE_PRICE, line.costMinor());
    assertEquals(List.of(new OrderLine.Cost("msk-1", 3, PURCHASE_PRICE)), line.costs());
    // a later purchase price does not change what this order's units cost
    stack.dynamoDb().updateItem(u -> u.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
        .updateExpression("SET supplierPrice = :p").expressionAttributeValues(Map.of(":p", Items.n(99_000))));
    assertEquals(3 * PURCHASE_PRICE, orders.find(order.id()).orElseThrow().lines().get(0).costMinor());
    Order unknown = orders.find(read(place(email(), product(5, null), 1, null).getBody()).path("id").asText()).orElseThrow();
    assertEquals(null, unknown.lines().get(0).costMinor(), "no purchase price: the cost is unknown, not 0");
  }
}
