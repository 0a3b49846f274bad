package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /products/{sku}/recommendations} on the AWS stack from template.yaml. */
@WithAwsStack
class RecommendationsApiTest {
  @Test
  void relatedThenUpsellThenBoughtTogetherInStockOnly(AwsStack stack) throws Exception {
    OrderApiHandler handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    String table = stack.tableName("StoreTable");
    DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
    DynamoReportStore reports = new DynamoReportStore(stack.dynamoDb(), table);
    String p = "RC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    // SELF: related R1 (in stock), R2 (sold out); upsell U1 (in stock); bought with T1 twice, T2 once, NOSTOCK thrice
    product(catalog, p + "SELF", List.of(p + "R1", p + "R2"), List.of(p + "U1"));
    for (String s : List.of("R1", "R2", "U1", "T1", "T2", "NOSTOCK")) {
      product(catalog, p + s, List.of(), List.of());
    }
    catalog.setOnHand(p + "R1", "msk-1", 4);
    catalog.setOnHand(p + "R2", "msk-1", 0);
    catalog.setOnHand(p + "U1", "spb-1", 1);
    catalog.setOnHand(p + "T1", "msk-1", 9);
    catalog.setOnHand(p + "T2", "msk-1", 9);
    order(reports, p, "SELF", "T1", "NOSTOCK");
    order(reports, p, "SELF", "T1", "NOSTOCK");
    order(reports, p, "T2", "SELF", "NOSTOCK");

    JsonNode body = get(handler, p + "SELF", null, 200);
    List<String> got = new ArrayList<>();
    body.path("recommendations").forEach(r -> got.add(r.path("sku").asText().substring(p.length()) + ":" + r.path("kind").asText()));
    assertEquals(List.of("R1:related", "U1:upsell", "T1:bought-together", "T2:bought-together"), got);
    assertEquals(4, body.path("recommendations").get(0).path("available").asLong());
    assertEquals(2, get(handler, p + "SELF", "2", 200).path("recommendations").size());
    get(handler, p + "UNKNOWN", null, 404);
    get(handler, p + "SELF", "0", 400);
  }

  private static void product(DynamoCatalog catalog, String sku, List<String> related, List<String> upsell) {
    catalog.putProduct(new Product(sku, "Товар " + sku, 19900, "RUB", 100, 10, 10, 10, "tea", related, upsell, Instant.now()));
  }

  private static void order(DynamoReportStore reports, String p, String... skus) {
    List<OrderFacts.Line> lines = new ArrayList<>();
    for (String s : skus) {
      lines.add(new OrderFacts.Line(p + s, 1));
    }
    reports.apply(new OrderFacts("ord_" + UUID.randomUUID(), LocalDate.parse("2031-01-01"), "SITE", 100, lines, false, null));
  }

  private static JsonNode get(OrderApiHandler handler, String sku, String limit, int status) throws Exception {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/get-recommendations.json");
    event.setPathParameters(Map.of("sku", sku));
    if (limit != null) {
      event.setQueryStringParameters(Map.of("limit", limit));
    }
    APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
    assertEquals(status, r.getStatusCode(), r.getBody());
    return Json.mapper().readTree(r.getBody());
  }
}
