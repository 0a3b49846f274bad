package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.ProductReport;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.OrderItems;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Margin from the purchase price an order reserved at, through the whole path: orders placed by the
 * order-api handler (each line records its cost), counted as the reports stream counts the stored
 * order items, read back as the sales report and the product report (docs/money.md). Expected figures
 * are worked out by hand below.
 */
@WithAwsStack
class MarginReportTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

  @Test
  void theSalesAndProductReportsShowMarginFromThePurchasePriceReserved(AwsStack stack) {
    OrderApiHandler handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    String table = stack.tableName("StoreTable");
    DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
    catalog.putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    String sku = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.putProduct(new Product(sku, "Чай", 100_000, "RUB", 400, 150, 100, 80, "tea", null, null, null));
    catalog.setOnHand(sku, "msk-1", 50);
    // the purchase price as the stock import stores it: 610 ₽ a unit
    stack.dynamoDb().updateItem(u -> u.tableName(table).key(TableKeys.stockKey(sku, "msk-1"))
        .updateExpression("SET supplierPrice = :p").expressionAttributeValues(Map.of(":p", Items.n(61_000))));
    String code = "MRG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String campaign = "cmp_" + UUID.randomUUID().toString().substring(0, 8);
    stack.dynamoDb().putItem(p -> p.tableName(table).item(PromoItems.item(new PromoCode(code, PromoCode.CAMPAIGN,
        campaign, null, 10, null, 0, null, null, null, 0, false))));

    JsonNode a = place(handler, sku, 3, null);   // 3 000 ₽ of goods, cost 1 830 ₽
    JsonNode b = place(handler, sku, 2, code);   // 2 000 ₽ − 10 % = 1 800 ₽, cost 1 220 ₽
    JsonNode c = place(handler, sku, 1, null);   // cancelled: counts nothing
    assertEquals(20_000, b.path("discountMinor").asLong());

    // counted as reports-stream counts the order items, on a day of its own
    LocalDate day = LocalDate.of(2040 + ThreadLocalRandom.current().nextInt(50), 1 + ThreadLocalRandom.current().nextInt(12), 15);
    DynamoReportStore store = new DynamoReportStore(stack.dynamoDb(), table);
    for (JsonNode o : List.of(a, b, c)) {
      store.apply(onDay(facts(stack, table, o), day, false));
    }
    store.apply(onDay(facts(stack, table, c), day, true));

    long revenue = a.path("totalMinor").asLong() + b.path("totalMinor").asLong(); // goods after discount + delivery
    long cost = 5 * 61_000;
    ReportService reports = new ReportService(store, null, Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC), ZONE, 14);
    SalesReport.Result sales = reports.sales(day.toString(), day.toString(), "channel");
    SalesReport.Row site = sales.rows().stream().filter(r -> r.key().equals("SITE")).findFirst().orElseThrow();
    assertEquals(revenue, site.revenueMinor());
    assertEquals(cost, site.costMinor());
    assertEquals(revenue - cost, site.marginMinor());
    assertEquals(BigDecimal.valueOf(revenue - cost).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(revenue), 1, java.math.RoundingMode.HALF_UP), site.marginPercent());
    assertEquals(site.marginMinor(), sales.total().marginMinor());
    assertEquals(Map.of(campaign, 20_000L), sales.discountsByCampaign());
    assertEquals(cost, reports.sales(day.toString(), day.toString(), "day").rows().get(0).costMinor());

    ProductReport.Result products = reports.products(day.toString(), day.toString(), "total");
    ProductReport.Row row = products.rows().stream().filter(r -> r.sku().equals(sku)).findFirst().orElseThrow();
    // 300 000 + 180 000 = 480 000 of goods; 480 000 − 305 000 = 175 000; 175 000 / 480 000 = 36.46 %
    assertEquals(new ProductReport.Row(day + ".." + day, sku, 5, 480_000, 305_000, 175_000, new BigDecimal("36.5")), row);
  }

  private static JsonNode place(OrderApiHandler handler, String sku, int qty, String code) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/create-order.json");
    ObjectNode body = (ObjectNode) read(event.getBody());
    ((ObjectNode) body.get("customer")).put("email", "margin." + UUID.randomUUID() + "@example.com");
    body.putArray("lines").addObject().put("sku", sku).put("qty", qty);
    body.remove("cartId");
    if (code != null) {
      body.put("promoCode", code);
    }
    event.setBody(body.toString());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", UUID.randomUUID().toString());
    event.setHeaders(headers);
    APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
    assertEquals(201, r.getStatusCode(), r.getBody());
    return read(r.getBody());
  }

  private static OrderFacts facts(AwsStack stack, String table, JsonNode order) {
    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(order.path("id").asText()))
        .consistentRead(true)).item();
    return OrderItems.facts(item, ZONE);
  }

  private static OrderFacts onDay(OrderFacts f, LocalDate day, boolean cancelled) {
    return new OrderFacts(f.orderId(), day, f.channel(), f.totalMinor(), f.lines(), cancelled,
        cancelled ? "customer asked" : null, f.costMinor(), f.discountMinor(), f.promoSource());
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
