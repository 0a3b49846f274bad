package dev.storeops.scheduler;

import dev.storeops.messaging.dynamo.DynamoBirthdays;
import dev.storeops.messaging.dynamo.DynamoPromoCodes;
import dev.storeops.messaging.flows.BirthdayPlanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.Figure;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The birthday job on DynamoDB Local and ElasticMQ: GSI1 query, stored unique promo codes, intents on the EmailQueue. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BirthdayFlowTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private AwsStack stack;
  private String table;
  private DynamoCustomerStore customers;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), table);
  }

  private Customer born(String date, boolean consent) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_bd" + u, "bd." + u + "@example.com", "Ivan " + u, null, LocalDate.parse(date), consent,
        null, "en", Instant.now(), null);
    customers.create(c);
    return c;
  }

  private BirthdayPlanner planner(Instant now) {
    return new BirthdayPlanner(new DynamoBirthdays(stack.dynamoDb(), table), new DynamoPromoCodes(stack.dynamoDb(), table),
        new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), new DynamoMailFigures(stack.dynamoDb(), table),
        Clock.fixed(now, MOSCOW), MOSCOW, 10);
  }

  private List<MailIntent> drainQueue() throws Exception {
    List<MailIntent> out = new ArrayList<>();
    String url = stack.queueUrl("EmailQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
      if (messages.isEmpty()) {
        return out;
      }
      for (var m : messages) {
        out.add(Json.mapper().readValue(m.body(), MailIntent.class));
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    return stack.dynamoDb().getItem(g -> g.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
  }

  @Test
  void customersBornTodayWithConsentGetAPersonalCodeAndOneIntent() throws Exception {
    drainQueue();
    Customer ann = born("1991-09-09", true);
    Customer bob = born("1975-09-09", true);
    Customer noConsent = born("1988-09-09", false);
    Customer otherDay = born("1991-09-10", true);
    Instant now = Instant.parse("2031-09-09T07:00:00Z");
    long plannedBefore = new DynamoMailFigures(stack.dynamoDb(), table).totals("birthday").get(Figure.PLANNED);

    planner(now).run();
    List<MailIntent> intents = drainQueue();
    assertEquals(2, intents.size(), intents.toString());
    List<String> ids = intents.stream().map(MailIntent::customerId).sorted().toList();
    assertEquals(List.of(ann.id(), bob.id()).stream().sorted().toList(), ids);
    assertFalse(ids.contains(noConsent.id()));
    assertFalse(ids.contains(otherDay.id()));

    MailIntent annIntent = intents.stream().filter(i -> i.customerId().equals(ann.id())).findFirst().orElseThrow();
    assertEquals("birthday#" + ann.id() + "#2031", annIntent.dedupeKey());
    assertEquals(ann.email(), annIntent.to());
    String code = (String) annIntent.data().get("promoCode");
    assertTrue(code.matches("BD-[2-9A-Z]{8}"), code);
    assertNotEquals(code, intents.stream().filter(i -> i.customerId().equals(bob.id())).findFirst().orElseThrow()
        .data().get("promoCode"));
    var promo = get("PROMO#" + code, "PROMO");
    assertEquals(ann.id(), promo.get("customerId").s());
    assertEquals("2031-09-22T21:00:00Z", promo.get("expiresAt").s(), "start of 23 September in Moscow: 14 days");
    assertEquals("1", promo.get("maxUses").n(), "one use in all");
    assertEquals("0", promo.get("uses").n(), "not used yet");
    assertEquals("2031-09-22", annIntent.data().get("validUntil"));
    assertEquals(code, get("CUSTOMER#" + ann.id(), "BIRTHDAY#2031").get("code").s());

    planner(now.plusSeconds(3600)).run();
    assertEquals(List.of(), drainQueue(), "a second run the same day enqueues nothing");
    assertEquals(code, get("CUSTOMER#" + ann.id(), "BIRTHDAY#2031").get("code").s(), "the code is kept");
    long plannedAfter = new DynamoMailFigures(stack.dynamoDb(), table).totals("birthday").get(Figure.PLANNED);
    assertTrue(plannedAfter - plannedBefore >= 2);
  }

  @Test
  void theSchedulerFunctionRunsTheBirthdayJobFromItsScheduleInput() throws Exception {
    SchedulerHandler handler = stack.handler("SchedulerFunction", SchedulerHandler.class);
    Map<String, Object> result = handler.handleRequest(Map.of("job", "birthday"), null);
    assertEquals("birthday", result.get("job"));
    assertEquals(LocalDate.now(MOSCOW).toString(), result.get("day"));
    drainQueue();
    var jobs = new java.util.HashSet<Object>();
    for (var schedule : stack.template().function("SchedulerFunction").eventsOfType("ScheduleV2")) {
      Object input = dev.storeops.stack.template.SamFunction.eventProperties(schedule.getValue()).get("Input");
      jobs.add(Json.mapper().readValue(input.toString(), Map.class).get("job"));
    }
    assertEquals(java.util.Set.of("birthday", "campaigns", "expiring-stock", "purchase-list", "payment-timeouts",
        "task-escalation", "abandoned-cart", "reorder-reminder", "reactivation", "review-request", "order-announce",
        "short-stock-sweep", "parcel-poll"),
        jobs,
        "the template schedules each job by its Input");
    assertEquals(jobs, handler.jobs().keySet());
  }
}
