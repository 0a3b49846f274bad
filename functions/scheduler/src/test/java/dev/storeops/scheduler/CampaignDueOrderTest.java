package dev.storeops.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Campaign due keys follow the due-work index's contract (text order = time order): with send times
 * around a whole second, {@code Instant.toString()} keys ("…:59.900Z", "…:00Z", "…:00.500Z") sort
 * ".500Z" before "Z" and below the "now" bound, so a campaign due at 10:00:00.5 came before the one at
 * 10:00:00 and was picked up half a second early. Runs against the DynamoDB emulator.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignDueOrderTest {
  /** A day no other test schedules campaigns on. */
  private static final LocalDate DAY = LocalDate.parse("2034-06-15");
  private AwsStack stack;
  private String table;
  private DynamoCampaigns campaigns;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.campaigns = new DynamoCampaigns(stack.dynamoDb(), table);
  }

  private Campaign scheduled(String sendAt) {
    Campaign c = new Campaign("cmp_do" + UUID.randomUUID().toString().substring(0, 8), "due order", "campaign", "S",
        "B", null, Campaign.SEGMENT_ALL_WITH_CONSENT, Instant.parse(sendAt), "DRAFT", "mgr_1", Instant.now(), null,
        null);
    campaigns.create(c);
    campaigns.schedule(c.id(), c.sendAt(), Instant.now(), "owner-test");
    return c;
  }

  private List<String> dueAt(String now) {
    return campaigns.due(Instant.parse(now), DAY).stream().map(Campaign::id).toList();
  }

  @Test
  void dueCampaignsAreExactlyThoseDueInSendTimeOrderAcrossSubSecondBoundaries() {
    // scheduled out of order on purpose
    Campaign halfPast = scheduled("2034-06-15T10:00:00.500Z");
    Campaign justBefore = scheduled("2034-06-15T09:59:59.900Z");
    Campaign later = scheduled("2034-06-15T10:00:01Z");
    Campaign onTheSecond = scheduled("2034-06-15T10:00:00Z");

    assertEquals(List.of(), dueAt("2034-06-15T09:59:59.899Z"), "nothing is due yet");
    assertEquals(List.of(justBefore.id()), dueAt("2034-06-15T09:59:59.900Z"));
    assertEquals(List.of(justBefore.id(), onTheSecond.id()), dueAt("2034-06-15T10:00:00Z"),
        "10:00:00.5 is not due at 10:00:00");
    assertEquals(List.of(justBefore.id(), onTheSecond.id()), dueAt("2034-06-15T10:00:00.499Z"));
    assertEquals(List.of(justBefore.id(), onTheSecond.id(), halfPast.id()), dueAt("2034-06-15T10:00:00.500Z"),
        "in send-time order");
    assertEquals(List.of(justBefore.id(), onTheSecond.id(), halfPast.id(), later.id()),
        dueAt("2034-06-15T10:00:01Z"));
    var item = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(TableKeys.PK,
        AttributeValue.fromS(TableKeys.CAMPAIGN.key(onTheSecond.id())), TableKeys.SK, AttributeValue.fromS("CAMPAIGN")))).item();
    assertEquals("2034-06-15T10:00:00.000Z#" + onTheSecond.id(), item.get(TableKeys.DUE_SK).s(),
        "the key's instant has exactly 3 fraction digits");
  }
}
