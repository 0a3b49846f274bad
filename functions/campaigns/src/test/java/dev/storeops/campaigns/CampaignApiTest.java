package dev.storeops.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.json.Json;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST/GET /staff/campaigns through the handler built from template.yaml, on DynamoDB Local. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiTest {
  private AwsStack stack;
  private CampaignApiHandler handler;
  private DynamoCustomerStore customers;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("CampaignsFunction", CampaignApiHandler.class);
    this.table = stack.tableName("StoreTable");
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), table);
  }

  private static APIGatewayV2HTTPEvent create(String body) {
    APIGatewayV2HTTPEvent e = UniqueCode.of(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json"));
    if (body != null) {
      e.setBody(body);
    }
    return e;
  }

  private static APIGatewayV2HTTPEvent get(String id, String route) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/campaigns/get-campaign.json");
    e.setPathParameters(Map.of("id", id));
    e.setRouteKey(route);
    return e;
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
    return Json.mapper().readTree(r.getBody());
  }

  private Customer customer(boolean consent) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_cmp" + u, "cmp." + u + "@example.com", "Ольга " + u, null, null, consent,
        Instant.now(), "ru", Instant.now(), null);
    customers.create(c);
    return c;
  }

  private JsonNode preview() throws Exception {
    APIGatewayV2HTTPResponse r = handler.handleRequest(create(null), null);
    assertEquals(201, r.getStatusCode(), r.getBody());
    return json(r);
  }

  @Test
  void aDraftShowsRecipientsAfterSuppressionAndCapAndARenderedSample() throws Exception {
    JsonNode before = preview().path("preview");
    customer(true);
    Customer suppressed = customer(true);
    new DynamoSuppressionList(stack.dynamoDb(), table).suppress(suppressed.email(), "complaint", Instant.now(), "test");
    Customer capped = customer(true);
    stack.dynamoDb().putItem(p -> p.tableName(table).item(Map.of(
        "pk", AttributeValue.fromS("CUSTOMER#" + capped.id()), "sk", AttributeValue.fromS("MAILCAP"),
        "lastMarketingAt", AttributeValue.fromS("2030-12-20T01:00:00Z"))));
    customer(false);

    JsonNode created = preview();
    JsonNode after = created.path("preview");
    assertEquals(3, after.path("segment").asLong() - before.path("segment").asLong(), "consenting customers only");
    assertEquals(1, after.path("suppressed").asLong() - before.path("suppressed").asLong());
    assertEquals(1, after.path("capped").asLong() - before.path("capped").asLong(), "capped at the send time");
    assertEquals(1, after.path("recipients").asLong() - before.path("recipients").asLong());
    assertEquals("Скидки до 30% к Новому году", created.path("sample").path("subject").asText());
    assertTrue(created.path("sample").path("text").asText().contains("Промокод: NY2027"));
    assertTrue(created.path("sample").path("html").asText().contains("<b>NY2027-"));

    String id = created.path("campaign").path("id").asText();
    APIGatewayV2HTTPResponse read = handler.handleRequest(get(id, "GET /staff/campaigns/{id}"), null);
    assertEquals(200, read.getStatusCode(), read.getBody());
    JsonNode view = json(read);
    assertEquals("DRAFT", view.path("campaign").path("status").asText());
    assertEquals("mgr_01hx2k3m4n5p6q7r8s9t0v1w2", view.path("campaign").path("createdBy").asText());
    assertEquals(after.path("recipients").asLong(), view.path("campaign").path("preview").path("recipients").asLong());
    assertEquals(0, view.path("figures").path("sent").asLong());
    assertTrue(view.path("figures").has("skippedDuplicate"));

    APIGatewayV2HTTPResponse scheduled = handler.handleRequest(get(id, "POST /staff/campaigns/{id}/schedule"), null);
    assertEquals(200, scheduled.getStatusCode(), scheduled.getBody());
    assertEquals("SCHEDULED", json(scheduled).path("status").asText());
    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("CAMPAIGN#" + id), "sk", AttributeValue.fromS("CAMPAIGN")))).item();
    assertEquals("DUE#campaign#2030-12-20", item.get("duePk").s());
    assertEquals("2030-12-20T07:00:00.000Z#" + id, item.get("dueSk").s());
    assertEquals(409, handler.handleRequest(get(id, "POST /staff/campaigns/{id}/schedule"), null).getStatusCode());
  }

  @Test
  void badRequestsAre4xxProblems() throws Exception {
    APIGatewayV2HTTPResponse invalid = handler.handleRequest(create(
        "{\"subject\":\"\",\"body\":\"x\",\"segment\":{\"type\":\"vip\"},\"sendAt\":\"soon\"}"), null);
    assertEquals(400, invalid.getStatusCode());
    assertEquals("application/problem+json; charset=utf-8", invalid.getHeaders().get("Content-Type"));
    assertEquals(3, json(invalid).path("errors").size(), invalid.getBody());

    APIGatewayV2HTTPEvent anonymous = create(null);
    anonymous.getRequestContext().setAuthorizer(null);
    assertEquals(401, handler.handleRequest(anonymous, null).getStatusCode());

    assertEquals(404, handler.handleRequest(get("cmp_nope", "GET /staff/campaigns/{id}"), null).getStatusCode());
    APIGatewayV2HTTPEvent broken = create("{\"subject\": ");
    assertEquals(400, handler.handleRequest(broken, null).getStatusCode());
  }

  @Test
  void aCampaignsDiscountCodeIsStoredWithItsCheckoutTermsAndIsUniqueInTheShop() throws Exception {
    String code = "XMAS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    JsonNode body = Json.mapper().readTree(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json").getBody());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("discountCode", code);
    APIGatewayV2HTTPResponse created = handler.handleRequest(create(body.toString()), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String campaignId = json(created).path("campaign").path("id").asText();
    PromoCode promo = new PromoItems(stack.dynamoDb(), table).find(code).orElseThrow();
    assertEquals(new PromoCode(code, PromoCode.CAMPAIGN, campaignId, null, 10, null, 150_000,
        null, Instant.parse("2031-01-01T00:00:00Z"), 500, 0, true), promo, "the fixture's terms, as checkout reads them");

    APIGatewayV2HTTPResponse again = handler.handleRequest(create(body.toString()), null);
    assertEquals(409, again.getStatusCode(), again.getBody());
    assertEquals("discountCode", json(again).path("errors").path(0).path("field").asText());

    ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("discount");
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("discountCode", code + "X");
    APIGatewayV2HTTPResponse noTerms = handler.handleRequest(create(body.toString()), null);
    assertEquals(400, noTerms.getStatusCode(), noTerms.getBody());
    assertEquals("discount", json(noTerms).path("errors").path(0).path("field").asText(),
        "a code without terms would be a promise checkout cannot keep");
  }
}
