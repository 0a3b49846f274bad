package dev.storeops.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Four eyes on mass mail (issue 13), through the handler built from template.yaml on the AWS stack: the
 * marketing person who created a campaign cannot schedule it; a second marketing person or the owner can.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignFourEyesApiTest {
  private AwsStack stack;
  private CampaignApiHandler handler;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("CampaignsFunction", CampaignApiHandler.class);
    this.table = stack.tableName("StoreTable");
  }

  private APIGatewayV2HTTPResponse as(String sub, String groups, APIGatewayV2HTTPEvent e) {
    Map<String, String> claims = new HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("sub", sub);
    claims.put("cognito:groups", groups);
    e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return handler.handleRequest(e, null);
  }

  private String created(String by) throws Exception {
    APIGatewayV2HTTPResponse r = as(by, "[marketing]", UniqueCode.of(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json")));
    assertEquals(201, r.getStatusCode(), r.getBody());
    JsonNode campaign = Json.mapper().readTree(r.getBody()).path("campaign");
    assertEquals(by, campaign.path("createdBy").asText());
    return campaign.path("id").asText();
  }

  private static APIGatewayV2HTTPEvent schedule(String id) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/campaigns/get-campaign.json");
    e.setPathParameters(Map.of("id", id));
    e.setRouteKey("POST /staff/campaigns/{id}/schedule");
    return e;
  }

  private Map<String, AttributeValue> item(String id) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("CAMPAIGN#" + id), "sk", AttributeValue.fromS("CAMPAIGN"))).consistentRead(true)).item();
  }

  @Test
  void theCreatorSchedulingTheirOwnCampaignIsRefusedAndItStaysADraft() throws Exception {
    String id = created("mkt-daria");
    APIGatewayV2HTTPResponse alone = as("mkt-daria", "[marketing]", schedule(id));
    assertEquals(403, alone.getStatusCode(), alone.getBody());
    assertTrue(alone.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertEquals("https://storeops.dev/problems/four-eyes", Json.mapper().readTree(alone.getBody()).path("type").asText());
    assertEquals("DRAFT", item(id).get("status").s());
    assertFalse(item(id).containsKey("duePk"));

    APIGatewayV2HTTPResponse second = as("mkt-ilya", "[marketing]", schedule(id));
    assertEquals(200, second.getStatusCode(), second.getBody());
    assertEquals("SCHEDULED", item(id).get("status").s());
    assertEquals("mkt-ilya", item(id).get("scheduledBy").s());
  }

  @Test
  void theOwnerSchedulesAMarketingCampaign() throws Exception {
    String id = created("mkt-daria");
    APIGatewayV2HTTPResponse owner = as("owner-elena", "[owner]", schedule(id));
    assertEquals(200, owner.getStatusCode(), owner.getBody());
    assertEquals("owner-elena", item(id).get("scheduledBy").s());
  }

  @Test
  void nobodyOutsideMarketingAndOwnerTouchesCampaigns() throws Exception {
    String id = created("mkt-daria");
    APIGatewayV2HTTPResponse manager = as("mgr-olga", "[manager]", schedule(id));
    assertEquals(403, manager.getStatusCode(), manager.getBody());
    assertTrue(manager.getBody().contains("needs the role marketing or owner"), manager.getBody());
    APIGatewayV2HTTPEvent create = UniqueCode.of(EventLoader.loadApiGatewayHttpEvent("events/campaigns/create-campaign.json"));
    assertEquals(403, as("wh-sergey", "[warehouse]", create).getStatusCode());
    assertEquals("DRAFT", item(id).get("status").s());
  }
}
