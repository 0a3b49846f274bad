package dev.storeops.scheduler;

import dev.storeops.messaging.campaigns.CampaignPlanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A scheduled campaign becomes due (DueIndex) and its segment's intents land on the EmailQueue, once. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignFlowTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private AwsStack stack;
  private String table;
  private DynamoCampaigns campaigns;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.campaigns = new DynamoCampaigns(stack.dynamoDb(), table);
  }

  private Customer customer(boolean consent) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_cf" + u, "cf." + u + "@example.com", "Pavel " + u, null, null, consent, null, "ru",
        Instant.now(), null);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c);
    return c;
  }

  private Campaign draft(Instant sendAt) {
    Campaign c = new Campaign("cmp_it" + UUID.randomUUID().toString().substring(0, 8), "NY", "campaign", "Скидки",
        "До 30%", "NY2031", Campaign.SEGMENT_ALL_WITH_CONSENT, sendAt, "DRAFT", "mgr_1", Instant.now(), null, null);
    campaigns.create(c);
    return c;
  }

  private CampaignPlanner planner(Instant now) {
    DynamoConsentSegment segment = new DynamoConsentSegment(stack.dynamoDb(), table);
    return new CampaignPlanner(CampaignPlanner.Campaigns.of(campaigns, (name, action) -> segment.forEach(action)),
        new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), new DynamoMailFigures(stack.dynamoDb(), table),
        Clock.fixed(now, MOSCOW), MOSCOW);
  }

  private List<MailIntent> drain() throws Exception {
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

  @Test
  void aDueCampaignIsPlannedOnceForItsSegment() throws Exception {
    drain();
    Customer a = customer(true);
    Customer b = customer(true);
    Customer no = customer(false);
    Instant sendAt = Instant.parse("2032-01-10T07:00:00Z");
    Campaign due = draft(sendAt);
    Campaign later = draft(sendAt.plusSeconds(3600));
    Campaign unscheduled = draft(sendAt.minusSeconds(60));
    assertTrue(campaigns.schedule(due.id(), due.sendAt(), Instant.now(), "owner-test"));
    assertTrue(campaigns.schedule(later.id(), later.sendAt(), Instant.now(), "owner-test"));

    assertEquals(List.of(), planner(sendAt.minusSeconds(1)).run().get("campaigns"), "nothing is due yet");
    Map<String, Object> result = planner(sendAt.plusSeconds(60)).run();
    assertEquals(List.of(due.id()), result.get("campaigns"));

    List<MailIntent> intents = drain();
    assertTrue(intents.stream().allMatch(i -> i.flow().equals("campaign:" + due.id())));
    List<String> ids = intents.stream().map(MailIntent::customerId).toList();
    assertTrue(ids.contains(a.id()) && ids.contains(b.id()));
    assertFalse(ids.contains(no.id()));
    MailIntent mine = intents.stream().filter(i -> i.customerId().equals(a.id())).findFirst().orElseThrow();
    assertEquals("campaign:" + due.id() + "#" + a.id(), mine.dedupeKey());
    assertEquals(MailIntent.Category.MARKETING, mine.category());
    assertEquals(Map.of("subject", "Скидки", "body", "До 30%", "discountCode", "NY2031"), mine.data());

    Campaign planned = campaigns.find(due.id()).orElseThrow();
    assertEquals("PLANNED", planned.status());
    assertEquals(intents.size(), planned.planned());
    assertEquals((long) intents.size(), new DynamoMailFigures(stack.dynamoDb(), table).totals(planned.flow()).get(Figure.PLANNED));
    assertEquals("DRAFT", campaigns.find(unscheduled.id()).orElseThrow().status());

    assertEquals(List.of(), planner(sendAt.plusSeconds(120)).run().get("campaigns"), "a second run finds nothing");
    assertEquals(List.of(), drain());
  }
}
