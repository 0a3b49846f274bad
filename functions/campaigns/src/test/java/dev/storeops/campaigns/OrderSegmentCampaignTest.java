package dev.storeops.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.ordering.Channel;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Campaign segments on order history through the handler: the indexes the order step writes
 * (category buyers, last-order day), the preview counts after consent, suppression and cap.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSegmentCampaignTest {
  private AwsStack stack;
  private CampaignApiHandler handler;
  private String table;
  private DynamoMailFlows flows;
  private DynamoOrderSegments segments;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("CampaignsFunction", CampaignApiHandler.class);
    this.table = stack.tableName("StoreTable");
    this.flows = new DynamoMailFlows(stack.dynamoDb(), table);
    this.segments = new DynamoOrderSegments(stack.dynamoDb(), table);
  }

  private Customer customer(boolean consent) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_seg" + u, "seg." + u + "@example.com", "Ольга " + u, null, null, consent,
        Instant.now(), "ru", Instant.now(), null);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c);
    return c;
  }

  /** What the order step writes for an order of {@code c} at {@code at} in {@code category}. */
  private void ordered(Customer c, Instant at, String category) {
    Order o = new Order("ord_seg" + UUID.randomUUID().toString().substring(0, 8), "310101-SEGSEG", c.id(),
        Channel.SITE, "customer", List.of(new OrderLine("SEG-1", "Чай", 1, 100, 100)), 100, 0, 100, "RUB",
        new Delivery("PICKUP", DeliveryMethod.PICKUP, null, "Москва", null, "msk-1", 0), PaymentMethod.CASH_ON_DELIVERY,
        OrderLifecycle.initialStatus(PaymentMethod.CASH_ON_DELIVERY),
        OrderLifecycle.created(PaymentMethod.CASH_ON_DELIVERY, at, "customer"), null, null, "h", List.of(), at, at);
    flows.recordOrders(c.id(), List.of(o));
    segments.recordBuyer(c.id(), category, at);
  }

  private JsonNode preview(String segmentJson) throws Exception {
    APIGatewayV2HTTPEvent e = UniqueCode.of(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json"));
    JsonNode body = Json.mapper().readTree(e.getBody());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).set("segment", Json.mapper().readTree(segmentJson));
    e.setBody(Json.mapper().writeValueAsString(body));
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
    assertEquals(201, r.getStatusCode(), r.getBody());
    return Json.mapper().readTree(r.getBody());
  }

  @Test
  void boughtInACategoryCountsItsBuyersAfterConsentSuppressionAndCap() throws Exception {
    String category = "Чай-" + UUID.randomUUID().toString().substring(0, 6);
    Instant now = Instant.now();
    Customer a = customer(true);
    Customer b = customer(true);
    Customer noConsent = customer(false);
    Customer suppressed = customer(true);
    Customer otherCategory = customer(true);
    ordered(a, now.minus(Duration.ofDays(100)), category);
    ordered(b, now.minus(Duration.ofDays(1)), category.toUpperCase());
    ordered(noConsent, now.minus(Duration.ofDays(2)), category);
    ordered(suppressed, now.minus(Duration.ofDays(2)), category);
    ordered(otherCategory, now.minus(Duration.ofDays(2)), "coffee");
    ordered(a, now.minus(Duration.ofDays(3)), category);
    new DynamoSuppressionList(stack.dynamoDb(), table).suppress(suppressed.email(), "complaint", now, "test");

    JsonNode created = preview("{\"type\":\"bought-in-category\",\"category\":\"" + category + "\"}");
    JsonNode p = created.path("preview");
    assertEquals(4, p.path("segment").asLong(), p.toString());
    assertEquals(1, p.path("noConsent").asLong());
    assertEquals(1, p.path("suppressed").asLong());
    assertEquals(2, p.path("recipients").asLong());
    assertEquals("bought-in-category:" + category.toLowerCase(), created.path("campaign").path("segment").asText());
  }

  @Test
  void orderedInTheLastDaysCountsCustomersByTheirLastOrder() throws Exception {
    JsonNode before = preview("{\"type\":\"ordered-in-last-days\",\"days\":30}").path("preview");
    Instant now = Instant.now();
    Customer recent = customer(true);
    Customer recentNoConsent = customer(false);
    Customer old = customer(true);
    Customer cameBack = customer(true);
    ordered(recent, now.minus(Duration.ofDays(2)), "tea");
    ordered(recentNoConsent, now.minus(Duration.ofDays(29)), "tea");
    ordered(old, now.minus(Duration.ofDays(31)), "tea");
    ordered(cameBack, now.minus(Duration.ofDays(200)), "tea");
    ordered(cameBack, now.minus(Duration.ofDays(1)), "tea");

    JsonNode after = preview("{\"type\":\"ordered-in-last-days\",\"days\":30}").path("preview");
    assertEquals(3, after.path("segment").asLong() - before.path("segment").asLong(), after.toString());
    assertEquals(1, after.path("noConsent").asLong() - before.path("noConsent").asLong());
    assertEquals(2, after.path("recipients").asLong() - before.path("recipients").asLong());
  }

  @Test
  void orderSegmentsNeedTheirParameter() throws Exception {
    APIGatewayV2HTTPEvent e = UniqueCode.of(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json"));
    JsonNode body = Json.mapper().readTree(e.getBody());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).set("segment",
        Json.mapper().readTree("{\"type\":\"ordered-in-last-days\",\"days\":0}"));
    e.setBody(Json.mapper().writeValueAsString(body));
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
    assertEquals(400, r.getStatusCode());
    assertEquals("segment.days", Json.mapper().readTree(r.getBody()).path("errors").get(0).path("field").asText());
  }
}
