package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffApiCalls.event;
import static dev.storeops.staffapi.StaffApiCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoSmsConsents;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code PUT /staff/customers/{id}/sms-consent} through the staff API on the AWS stack
 * (docs/notifications.md): an opt-out stops the customer's SMS and is one consent step in the dossier even
 * when set twice; allowing again is a second step; setting what is in force records nothing; a manager
 * sets it only for their own customers; bad bodies and unknown customers get problem+json.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSmsConsentApiTest {
  private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
  private final MovableClock clock = new MovableClock(NOW);
  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private AwsStack stack;
  private StaffApiCalls api;
  private String table;
  private DynamoSmsConsents consents;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.api = StaffApiCalls.on(stack, clock);
    this.consents = new DynamoSmsConsents(stack.dynamoDb(), table);
  }

  private Customer customer(String suffix, String manager) {
    Customer c = new Customer("cus_" + run + suffix, run + suffix + "@example.com", "Семён Эсэмэсов", "+79035550101",
        null, true, null, "ru", NOW.minusSeconds(86_400), manager, null, null,
        List.of(new ConsentEvent(ConsentEvent.Kind.GIVEN, NOW.minusSeconds(86_400), "POST /customers", "req-0", "l0")));
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    return c;
  }

  /** The fixture about this customer, as the staff member {@code sub} in {@code groups}. */
  private APIGatewayV2HTTPResponse aboutCustomer(String sub, String groups, String fixture, String customerId,
      String body) {
    return api.as(sub, groups, event(fixture, Map.of("id", customerId), body));
  }

  private APIGatewayV2HTTPResponse set(String sub, String groups, String customerId, String body) {
    return aboutCustomer(sub, groups, "set-sms-consent.json", customerId, body);
  }

  /** The dossier's consent steps about SMS, newest first. */
  private List<JsonNode> smsSteps(String customerId) {
    APIGatewayV2HTTPResponse r = aboutCustomer("owner", "[owner]", "get-customer.json", customerId, null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    List<JsonNode> out = new ArrayList<>();
    StaffApiCalls.history(json(r).path("history"), "consent").forEach(step -> {
      if ("SMS".equals(step.path("channel").asText())) {
        out.add(step);
      }
    });
    return out;
  }

  private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> choice(String customerId) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).consistentRead(true)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), "SMSCONSENT"))).item();
  }

  @Test
  void anOptOutSetTwiceIsOneConsentStepAndStopsTheSms() {
    Customer c = customer("o", null);
    assertFalse(consents.optedOut(c.id()));

    APIGatewayV2HTTPResponse first = set("owner-anna", "[owner]", c.id(), "{\"allowed\":false,\"source\":\"phone-call\"}");
    assertEquals(200, first.getStatusCode(), first.getBody());
    JsonNode body = json(first);
    assertEquals(c.id(), body.path("customerId").asText());
    assertFalse(body.path("allowed").asBoolean());
    assertTrue(body.path("changed").asBoolean());
    assertEquals("WITHDRAWN", body.path("step").path("kind").asText());
    assertEquals("SMS", body.path("step").path("channel").asText());
    assertEquals("owner-anna", body.path("step").path("by").asText());
    assertEquals("Stc1SmsOptOut=", body.path("step").path("requestId").asText());
    assertTrue(consents.optedOut(c.id()), "the sms-sender's check sees the opt-out");

    clock.set(NOW.plusSeconds(60));
    APIGatewayV2HTTPResponse again = set("owner-anna", "[owner]", c.id(), "{\"allowed\":false,\"source\":\"email\"}");
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertFalse(json(again).path("changed").asBoolean());
    assertTrue(json(again).path("step").isMissingNode());

    List<JsonNode> steps = smsSteps(c.id());
    assertEquals(1, steps.size(), steps.toString());
    assertEquals("WITHDRAWN", steps.get(0).path("kind").asText());
    assertEquals("phone-call", steps.get(0).path("source").asText());
    assertEquals(NOW.toString(), steps.get(0).path("at").asText());
    assertEquals(NOW.toString(), choice(c.id()).get("changedAt").s(), "the second call wrote nothing");
    // the marketing consent steps are still there, untouched
    APIGatewayV2HTTPResponse dossier = aboutCustomer("owner", "[owner]", "get-customer.json", c.id(), null);
    assertEquals(2, StaffApiCalls.history(json(dossier).path("history"), "consent").size());
    assertTrue(json(dossier).path("customer").path("marketingConsent").asBoolean());
  }

  @Test
  void allowingAgainIsASecondStepAndAllowingWhatIsInForceRecordsNothing() {
    Customer c = customer("a", null);
    // nothing ever set = allowed: "allowed" changes nothing
    APIGatewayV2HTTPResponse noop = set("owner-anna", "[owner]", c.id(), "{\"allowed\":true,\"source\":\"other\"}");
    assertEquals(200, noop.getStatusCode(), noop.getBody());
    assertFalse(json(noop).path("changed").asBoolean());
    assertEquals(List.of(), smsSteps(c.id()));
    assertTrue(choice(c.id()) == null || choice(c.id()).isEmpty());

    assertTrue(json(set("owner-anna", "[owner]", c.id(), "{\"allowed\":false,\"source\":\"sms-reply\"}")).path("changed").asBoolean());
    clock.set(NOW.plusSeconds(3600));
    APIGatewayV2HTTPResponse back = set("owner-anna", "[owner]", c.id(), "{\"allowed\":true,\"source\":\"in-person\"}");
    assertEquals(200, back.getStatusCode(), back.getBody());
    assertTrue(json(back).path("allowed").asBoolean());
    assertTrue(json(back).path("changed").asBoolean());
    assertFalse(consents.optedOut(c.id()));
    assertFalse(json(set("owner-anna", "[owner]", c.id(), "{\"allowed\":true,\"source\":\"in-person\"}")).path("changed").asBoolean());

    List<JsonNode> steps = smsSteps(c.id());
    assertEquals(2, steps.size(), steps.toString());
    assertEquals("GIVEN", steps.get(0).path("kind").asText());
    assertEquals("in-person", steps.get(0).path("source").asText());
    assertEquals("WITHDRAWN", steps.get(1).path("kind").asText());
    clock.set(NOW);
  }

  @Test
  void aManagerSetsItOnlyForTheirOwnCustomers() {
    String manager = "mgr-sms-" + run;
    Customer c = customer("m", manager);
    APIGatewayV2HTTPResponse other = set("mgr-other-" + run, "[manager]", c.id(), "{\"allowed\":false,\"source\":\"phone-call\"}");
    assertEquals(403, other.getStatusCode(), other.getBody());
    assertTrue(other.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    assertEquals(403, set("wh-" + run, "[warehouse]", c.id(), "{\"allowed\":false,\"source\":\"phone-call\"}").getStatusCode());
    assertFalse(consents.optedOut(c.id()), "a refused call changes nothing");

    APIGatewayV2HTTPResponse own = set(manager, "[manager]", c.id(), "{\"allowed\":false,\"source\":\"phone-call\"}");
    assertEquals(200, own.getStatusCode(), own.getBody());
    assertTrue(consents.optedOut(c.id()));
    assertEquals(manager, smsSteps(c.id()).get(0).path("by").asText());
  }

  @Test
  void badBodiesAndUnknownCustomersGetProblems() {
    Customer c = customer("b", null);
    APIGatewayV2HTTPResponse empty = set("owner-anna", "[owner]", c.id(), "{}");
    assertEquals(400, empty.getStatusCode(), empty.getBody());
    List<String> fields = new ArrayList<>();
    json(empty).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(List.of("allowed", "source"), fields);
    APIGatewayV2HTTPResponse badSource = set("owner-anna", "[owner]", c.id(), "{\"allowed\":false,\"source\":\"fax\"}");
    assertEquals(400, badSource.getStatusCode());
    assertTrue(badSource.getBody().contains("\"source\""), badSource.getBody());
    APIGatewayV2HTTPResponse badType = set("owner-anna", "[owner]", c.id(), "{\"allowed\":\"maybe\",\"source\":\"other\"}");
    assertEquals(400, badType.getStatusCode(), badType.getBody());
    assertFalse(consents.optedOut(c.id()));
    assertEquals(List.of(), smsSteps(c.id()));

    APIGatewayV2HTTPResponse unknown = set("owner-anna", "[owner]", "cus_nobody" + run, "{\"allowed\":false,\"source\":\"other\"}");
    assertEquals(404, unknown.getStatusCode(), unknown.getBody());
    assertTrue(choice("cus_nobody" + run) == null || choice("cus_nobody" + run).isEmpty());
  }
}
