package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static dev.storeops.staffapi.StaffApiCalls.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may see and do what (issue 13): the staff API with tokens of each role, on the AWS stack. Every
 * refusal is a 403 problem+json and leaves the table as it was.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffRolesApiTest {
  private static final Instant NOW = Instant.parse("2031-01-15T09:00:00Z"); // newer than every other order of the stack: lists are newest first
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String olga = "mgr-olga-" + run;
  private final String pavel = "mgr-pavel-" + run;
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;
  private TaskService tasks;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.api = StaffApiCalls.on(stack, clock);
    MailOutbox noMail = intents -> { };
    this.tasks = FlowComponents.build(stack.dynamoDb(), table, noMail, FlowSettings.defaults(), clock,
        "https://shop.example.com", FlowComponents.noEscalation()).tasks();
    assertEquals(200, api.as("owner", "[owner]", event("put-warehouse.json", Map.of("id", "spb-1"),
        "{\"name\":\"Склад на Невском\",\"city\":\"Санкт-Петербург\"}")).getStatusCode());
    for (String manager : List.of(olga, pavel)) {
      APIGatewayV2HTTPResponse put = api.as("owner", "[owner]", event("put-manager.json", Map.of("id", manager),
          "{\"name\":\"Менеджер " + manager + "\",\"email\":\"" + manager + "@shop.example.com\",\"onShift\":true}"));
      assertEquals(200, put.getStatusCode(), put.getBody());
    }
  }

  private static void assertForbidden(APIGatewayV2HTTPResponse r, String mentions) {
    assertEquals(403, r.getStatusCode(), r.getBody());
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertTrue(r.getBody().contains(mentions), r.getBody());
    assertEquals("role", json(r).path("errors").get(0).path("field").asText());
  }

  private String product(long priceMinor) {
    String sku = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ObjectNode body = (ObjectNode) json(event("put-product.json", null, null).getBody());
    body.put("priceMinor", priceMinor);
    assertEquals(200, api.as("owner", "[owner]", event("put-product.json", Map.of("sku", sku), body.toString())).getStatusCode());
    assertEquals(200, api.as("owner", "[owner]", event("put-stock.json", Map.of("sku", sku, "warehouse", "spb-1"),
        "{\"onHand\":5}")).getStatusCode());
    return sku;
  }

  private long price(String sku) {
    return Long.parseLong(stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.primaryKey("SKU#" + sku, "PRODUCT")).consistentRead(true)).item().get("priceMinor").n());
  }

  private long openOrders(String manager) {
    var item = stack.dynamoDb().getItem(b -> b.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.MANAGER.key(manager), "MANAGER")).consistentRead(true)).item();
    return item.containsKey("openOrders") ? Long.parseLong(item.get("openOrders").n()) : 0;
  }

  /** A new phone order (cash on delivery) taken by the owner: nobody's yet (order-events does not run here). */
  private JsonNode order() {
    String customerId = new CustomerService(new DynamoCustomerStore(stack.dynamoDb(), table), clock, "ru")
        .register(new CustomerRegistration("roles." + UUID.randomUUID() + "@example.com", "Вера Ролева",
            "+79161234567", null, false, "ru")).id();
    APIGatewayV2HTTPResponse created = api.as("owner", "[owner]", newOrder(customerId, product(50_000), 1, Map.of()));
    assertEquals(201, created.getStatusCode(), created.getBody());
    return json(created);
  }

  private APIGatewayV2HTTPResponse reassign(String sub, String groups, String orderId, String managerId) {
    return api.as(sub, groups, event("reassign-order.json", Map.of("id", orderId), "{\"managerId\":\"" + managerId + "\"}"));
  }

  private String status(String orderId) {
    return stack.dynamoDb().getItem(b -> b.tableName(table).key(TableKeys.primaryKey(TableKeys.ORDER.key(orderId), "ORDER"))
        .consistentRead(true)).item().get("status").s();
  }

  @Test
  void aManagerCompletingAnotherManagersTaskIsRefusedAndTheTaskStaysOpen() {
    String pavelsTask = "t-" + UUID.randomUUID();
    tasks.open(pavelsTask, "confirm-by-phone", "Confirm by phone", "ord_x", null, pavel, Duration.ofHours(2), "rule:test");

    APIGatewayV2HTTPResponse refused = api.as(olga, "[manager]", event("complete-task.json", Map.of("id", pavelsTask), null));
    assertForbidden(refused, "Task " + pavelsTask + " is not yours");
    StaffTask still = tasks.get(pavelsTask);
    assertEquals(StaffTask.Status.OPEN, still.status());
    assertEquals(null, still.doneBy());

    APIGatewayV2HTTPResponse own = api.as(pavel, "[manager]", event("complete-task.json", Map.of("id", pavelsTask), null));
    assertEquals(200, own.getStatusCode(), own.getBody());
    assertEquals("DONE", tasks.get(pavelsTask).status().name());
  }

  @Test
  void aManagerListsOnlyTheirOwnTasksAndTheOwnerAnyonesTasks() {
    String olgasTask = "t-" + UUID.randomUUID();
    String pavelsTask = "t-" + UUID.randomUUID();
    tasks.open(olgasTask, "call-about-payment", "Call", "ord_a", null, olga, Duration.ofHours(2), "rule:test");
    tasks.open(pavelsTask, "call-about-payment", "Call", "ord_b", null, pavel, Duration.ofHours(2), "rule:test");

    APIGatewayV2HTTPResponse mine = api.as(olga, "[manager]", event("list-tasks.json", null, null));
    assertEquals(200, mine.getStatusCode(), mine.getBody());
    List<String> ids = new ArrayList<>();
    json(mine).path("tasks").forEach(t -> ids.add(t.path("id").asText()));
    assertEquals(List.of(olgasTask), ids);

    APIGatewayV2HTTPEvent other = event("list-tasks.json", null, null);
    other.setQueryStringParameters(Map.of("assignee", pavel, "status", "open"));
    assertForbidden(api.as(olga, "[manager]", other), "The task list of " + pavel + " is not yours");

    APIGatewayV2HTTPEvent byOwner = event("list-tasks.json", null, null);
    byOwner.setQueryStringParameters(Map.of("assignee", pavel, "status", "open"));
    APIGatewayV2HTTPResponse owners = api.as("owner-elena", "[owner]", byOwner);
    assertEquals(200, owners.getStatusCode(), owners.getBody());
    assertEquals(pavelsTask, json(owners).path("tasks").get(0).path("id").asText());
  }

  @Test
  void aWarehouseTokenCannotChangeAPriceButSetsStock() {
    String sku = product(50_000);
    APIGatewayV2HTTPEvent put = event("put-product.json", Map.of("sku", sku), null);
    ObjectNode body = (ObjectNode) json(put.getBody());
    body.put("priceMinor", 1);
    put.setBody(body.toString());
    APIGatewayV2HTTPResponse refused = api.as("wh-sergey", "[warehouse]", put);
    assertForbidden(refused, "PUT /staff/products/{sku} needs the role owner");
    assertEquals(50_000, price(sku));

    APIGatewayV2HTTPResponse stock = api.as("wh-sergey", "[warehouse]", event("put-stock.json",
        Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":7}"));
    assertEquals(200, stock.getStatusCode(), stock.getBody());
    // the claim as a JSON array reads the same; marketing may do neither
    assertForbidden(api.as("mkt-daria", "[\"marketing\"]", event("put-stock.json",
        Map.of("sku", sku, "warehouse", "spb-1"), "{\"onHand\":0}")), "needs the role owner or warehouse");
    // a token without groups may do nothing
    assertForbidden(api.as("someone", "", event("list-tasks.json", null, null)), "the caller has no role");
  }

  @Test
  void theOwnerReassignsAnOrderAndTheManagersCountersFollow() {
    String orderId = order().path("id").asText();
    long olgaBefore = openOrders(olga);
    long pavelBefore = openOrders(pavel);

    // only the owner reassigns
    assertForbidden(reassign(olga, "[manager]", orderId, olga), "needs the role owner");
    APIGatewayV2HTTPResponse toOlga = reassign("owner-elena", "[owner]", orderId, olga);
    assertEquals(200, toOlga.getStatusCode(), toOlga.getBody());
    assertEquals(olga, json(toOlga).path("managerId").asText());
    assertEquals(olgaBefore + 1, openOrders(olga));

    // Pavel may neither read nor cancel Olga's order, nor list her orders; nothing changes
    assertForbidden(api.as(pavel, "[manager]", event("get-order.json", Map.of("id", orderId), null)),
        "Order " + orderId + " is not yours");
    assertForbidden(api.as(pavel, "[manager]", event("cancel-order.json", Map.of("id", orderId), null)), "is not yours");
    assertEquals("NEW", status(orderId));
    APIGatewayV2HTTPEvent olgasList = event("list-orders.json", null, null);
    olgasList.setQueryStringParameters(Map.of("status", "NEW", "manager", olga));
    assertForbidden(api.as(pavel, "[manager]", olgasList), "is not yours");
    assertEquals(200, api.as(olga, "[manager]", event("get-order.json", Map.of("id", orderId), null)).getStatusCode());

    // the order's follow-up task is Olga's while the order is hers
    String confirm = "confirm-by-phone_" + orderId;
    tasks.open(confirm, "confirm-by-phone", "Confirm by phone", orderId, null, olga, Duration.ofHours(2), "rule:test");

    // reassigned to Pavel: Olga −1, Pavel +1; the lists follow, and so does the order's open task
    APIGatewayV2HTTPResponse toPavel = reassign("owner-elena", "[owner]", orderId, pavel);
    assertEquals(200, toPavel.getStatusCode(), toPavel.getBody());
    assertEquals(pavel, tasks.get(confirm).assigneeId());
    assertTrue(tasks.list(olga, StaffTask.Status.OPEN, 100).stream().noneMatch(t -> t.id().equals(confirm)));
    assertTrue(tasks.list(pavel, StaffTask.Status.OPEN, 100).stream().anyMatch(t -> t.id().equals(confirm)));
    assertForbidden(api.as(olga, "[manager]", event("complete-task.json", Map.of("id", confirm), null)), "is not yours");
    assertEquals(olgaBefore, openOrders(olga));
    assertEquals(pavelBefore + 1, openOrders(pavel));
    assertFalse(newOrderIds(olga, "[manager]").contains(orderId));
    assertTrue(newOrderIds(pavel, "[manager]").contains(orderId));
    assertTrue(newOrderIds("wh-sergey", "[warehouse]").contains(orderId));
    // the same manager again changes nothing
    assertEquals(200, reassign("owner-elena", "[owner]", orderId, pavel).getStatusCode());
    assertEquals(pavelBefore + 1, openOrders(pavel));

    // Pavel cancels his order now; a cancelled order keeps its manager
    APIGatewayV2HTTPResponse cancelled = api.as(pavel, "[manager]", event("cancel-order.json", Map.of("id", orderId), null));
    assertEquals(200, cancelled.getStatusCode(), cancelled.getBody());
    assertEquals(pavelBefore, openOrders(pavel));
    assertEquals(409, reassign("owner-elena", "[owner]", orderId, olga).getStatusCode());
    assertEquals(422, reassign("owner-elena", "[owner]", orderId, "mgr-nobody-" + run).getStatusCode());
    assertEquals(olgaBefore, openOrders(olga));
  }

  @Test
  void aManagerSeesTheDossierOfTheirOwnOrdersCustomerOnly() {
    JsonNode order = order();
    String orderId = order.path("id").asText();
    String customerId = order.path("customerId").asText();
    assertEquals(200, reassign("owner-elena", "[owner]", orderId, olga).getStatusCode());
    assertEquals(200, api.as(olga, "[manager]", event("get-customer.json", Map.of("id", customerId), null)).getStatusCode());
    assertForbidden(api.as(pavel, "[manager]", event("get-customer.json", Map.of("id", customerId), null)),
        "Customer " + customerId + " is not yours");
    assertForbidden(api.as("wh-sergey", "[warehouse]", event("get-customer.json", Map.of("id", customerId), null)),
        "needs the role");
  }

  private List<String> newOrderIds(String sub, String groups) {
    APIGatewayV2HTTPEvent list = event("list-orders.json", null, null);
    list.setQueryStringParameters(Map.of("status", "NEW", "limit", "100"));
    APIGatewayV2HTTPResponse r = api.as(sub, groups, list);
    assertEquals(200, r.getStatusCode(), r.getBody());
    List<String> ids = new ArrayList<>();
    json(r).path("orders").forEach(o -> {
      ids.add(o.path("id").asText());
      if (groups.contains("manager")) {
        assertEquals(sub, o.path("managerId").asText());
      }
    });
    return ids;
  }
}
