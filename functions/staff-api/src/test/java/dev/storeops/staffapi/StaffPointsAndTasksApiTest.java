package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shop points' and hand-made tasks' routes through the staff API handler (docs/points.md,
 * docs/tasks.md): the till's receipt answered 201 then 200 with the same body, the point's stock
 * decremented once; the role rules of POST /staff/tasks and GET /staff/reports/tasks.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPointsAndTasksApiTest {
  private StaffApiCalls api;
  private final String point = "pt-" + UUID.randomUUID().toString().substring(0, 8);
  private final String sku = "PT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

  @BeforeAll
  void setUp(AwsStack stack) {
    this.api = StaffApiCalls.on(stack);
    APIGatewayV2HTTPResponse w = api.call(event("put-warehouse.json", Map.of("id", point), "{\"name\":\"Точка на Арбате\",\"city\":\"Москва\",\"point\":true}"));
    assertEquals(200, w.getStatusCode(), w.getBody());
    assertTrue(json(w).path("point").asBoolean());
    assertEquals(200, api.call(event("put-product.json", Map.of("sku", sku), null)).getStatusCode());
    assertEquals(200, api.call(event("put-stock.json", Map.of("sku", sku, "warehouse", point), "{\"onHand\":6}"))
        .getStatusCode());
    assertEquals(200, api.call(event("put-manager.json", Map.of("id", "mgr-ptest"), "{\"name\":\"Ольга Тестова\",\"email\":\"mgr-ptest@example.com\",\"onShift\":true}")).getStatusCode());
  }

  private String sale(String receipt, int qty) {
    return "{\"receiptNumber\":\"" + receipt + "\",\"soldAt\":\"2026-11-23T12:05:00+03:00\",\"lines\":[{\"sku\":\"" + sku
        + "\",\"qty\":" + qty + ",\"priceMinor\":45000}],\"totalMinor\":" + 45000 * qty + "}";
  }

  private long onHand() {
    JsonNode stock = json(api.call(event("get-sku-stock.json", Map.of("sku", sku), null)));
    for (JsonNode row : stock.path("warehouses")) {
      if (row.path("warehouse").asText().equals(point)) {
        return row.path("onHand").asLong();
      }
    }
    throw new AssertionError(stock.toString());
  }

  @Test
  void theTillsReceiptIsRecordedOnceAndAReplayAnswersTheFirstResult() {
    APIGatewayV2HTTPResponse first = api.call(event("record-point-sale.json", Map.of("id", point), sale("R-1", 2)));
    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals(4, json(first).path("lines").path(0).path("onHandAfter").asLong());
    APIGatewayV2HTTPResponse again = api.call(event("record-point-sale.json", Map.of("id", point), sale("R-1", 2)));
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals(json(first), json(again));
    assertEquals(4, onHand());

    APIGatewayV2HTTPResponse reused = api.call(event("record-point-sale.json", Map.of("id", point), sale("R-1", 3)));
    assertEquals(409, reused.getStatusCode(), reused.getBody());
    APIGatewayV2HTTPResponse bad = api.call(event("record-point-sale.json", Map.of("id", point), "{\"receiptNumber\":\"R 2\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":0}]}"));
    assertEquals(400, bad.getStatusCode());
    String fields = json(bad).path("errors").toString();
    assertTrue(fields.contains("receiptNumber") && fields.contains("soldAt") && fields.contains("lines[0].qty")
        && fields.contains("totalMinor"), fields);
    assertEquals(404, api.call(event("record-point-sale.json", Map.of("id", "no-such-point"), sale("R-3", 1)))
        .getStatusCode());
    assertEquals(403, api.call(signedIn(event("record-point-sale.json", Map.of("id", point), sale("R-4", 1)), "mk-ira", "[marketing]"))
        .getStatusCode());
    assertEquals(4, onHand());
  }

  @Test
  void anyoneGivesThemselvesATaskAndOnlyTheOwnerOrAManagerAColleague() {
    String deadline = OffsetDateTime.now(ZoneOffset.ofHours(3)).plusHours(3).withNano(0).toString();
    String forColleague = "{\"title\":\"Пересчитать витрину\",\"assigneeId\":\"mgr-ptest\",\"deadline\":\"" + deadline + "\"}";
    APIGatewayV2HTTPResponse byOwner = api.call(event("create-task.json", null, forColleague));
    assertEquals(201, byOwner.getStatusCode(), byOwner.getBody());
    assertEquals("MANUAL", json(byOwner).path("kind").asText());
    assertEquals("mgr-ptest", json(byOwner).path("assigneeId").asText());
    assertEquals("NORMAL", json(byOwner).path("priority").asText());

    APIGatewayV2HTTPResponse byWarehouse = api.call(signedIn(event("create-task.json", null, forColleague), "w-anna", "[warehouse]"));
    assertEquals(403, byWarehouse.getStatusCode(), byWarehouse.getBody());
    APIGatewayV2HTTPResponse forSelf = api.call(signedIn(event("create-task.json", null, "{\"title\":\"Принять поставку\",\"deadline\":\"" + deadline + "\",\"priority\":\"low\"}"), "w-anna", "[warehouse]"));
    assertEquals(201, forSelf.getStatusCode(), forSelf.getBody());
    assertEquals("w-anna", json(forSelf).path("assigneeId").asText());
    assertEquals(422, api.call(event("create-task.json", null, "{\"title\":\"x\",\"assigneeId\":\"nobody-here\",\"deadline\":\"" + deadline + "\"}")).getStatusCode());

    APIGatewayV2HTTPEvent mine = signedIn(event("get-task-report.json", null, null), "w-anna", "[warehouse]");
    String day = OffsetDateTime.parse(deadline).atZoneSameInstant(java.time.ZoneId.of("Europe/Moscow")).toLocalDate()
        .toString();
    mine.setQueryStringParameters(Map.of("from", day, "to", day));
    APIGatewayV2HTTPResponse own = api.call(mine);
    assertEquals(200, own.getStatusCode(), own.getBody());
    assertEquals("w-anna", json(own).path("people").path(0).path("staffId").asText());
    assertEquals(1, json(own).path("people").path(0).path("open").asInt());
    APIGatewayV2HTTPEvent other = signedIn(event("get-task-report.json", null, null), "w-anna", "[warehouse]");
    other.setQueryStringParameters(Map.of("staffId", "mgr-ptest"));
    assertEquals(403, api.call(other).getStatusCode());
    APIGatewayV2HTTPEvent owner = event("get-task-report.json", null, null);
    owner.setQueryStringParameters(Map.of("staffId", "mgr-ptest", "from", "2020-01-01", "to", "2020-01-02"));
    assertEquals(200, api.call(owner).getStatusCode());
    owner.setQueryStringParameters(Map.of("from", "someday"));
    assertEquals(400, api.call(owner).getStatusCode());
  }
}
