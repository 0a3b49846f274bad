package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /staff/stock/{sku}/prices} through the staff API on the AWS stack: the owner reads a SKU's
 * prices (the import's journal is proven in stock-import's MultiWarehouseXlsImportTest); purchase
 * prices are the owner's alone; an unknown SKU is a 404.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSkuPricesApiTest {
  private StaffApiHandler handler;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.handler = stack.handler("StaffApiFunction", StaffApiHandler.class);
  }

  private APIGatewayV2HTTPResponse as(String sub, String groups, String fixture, Map<String, String> path, String body) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/staff-api/" + fixture);
    event.setPathParameters(path);
    if (body != null) {
      event.setBody(body);
    }
    Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("sub", sub);
    claims.put("cognito:groups", groups);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return handler.handleRequest(event, null);
  }

  @Test
  void theOwnerReadsASkusPricesOthersMayNotAndAnUnknownSkuIsNotFound() throws Exception {
    String sku = "PR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, as("owner", "[owner]", "put-product.json", Map.of("sku", sku), null).getStatusCode());

    APIGatewayV2HTTPResponse owner = as("owner", "[owner]", "get-sku-prices.json", Map.of("sku", sku), null);
    assertEquals(200, owner.getStatusCode(), owner.getBody());
    JsonNode body = Json.mapper().readTree(owner.getBody());
    assertEquals(sku, body.path("sku").asText());
    assertTrue(body.path("entries").isArray() && body.path("entries").isEmpty(), body.toString());
    assertTrue(body.path("current").isArray() && !body.has("nextCursor"), body.toString());

    for (String role : new String[] {"[manager]", "[warehouse]", "[marketing]"}) {
      assertEquals(403, as("someone", role, "get-sku-prices.json", Map.of("sku", sku), null).getStatusCode(), role);
    }
    assertEquals(404, as("owner", "[owner]", "get-sku-prices.json", Map.of("sku", "NO-SUCH-" + sku), null)
        .getStatusCode());
  }
}
