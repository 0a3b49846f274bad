package dev.storeops.it;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.MailFlowJobs;
import dev.storeops.messaging.flows.MailFlows;
import dev.storeops.messaging.flows.ReorderReminderFlow;
import dev.storeops.platform.Job;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Poison-item isolation of the due-work jobs on DynamoDB Local, through a real job (the reorder
 * reminder flow as the scheduler builds it): one malformed due item among several is recorded and
 * skipped, the others are handled in the same run; after {@link PoisonItems#MAX_ATTEMPTS} runs it is
 * parked as poison (listed in the run's result and in the kind's poison list) and never read again.
 */
@WithAwsStack
class PoisonItemsTest {
  private static Map<String, AttributeValue> key(String customerId) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), TableKeys.MAIL_FLOW.key(MailFlows.REORDER));
  }

  /** A reorder item of a customer who does not exist (handled: it leaves the index), or a malformed one. */
  private static void reorderItem(AwsStack stack, DueWorkStore store, String customerId, Instant dueAt,
      boolean malformed) {
    store.announce(MailFlows.REORDER, dueAt);
    Map<String, AttributeValue> item = new HashMap<>(key(customerId));
    item.put("type", s("MailFlow"));
    item.put("customerId", s(customerId));
    item.put("lastOrderId", s("ord_" + customerId));
    if (!malformed) {
      item.put("lastOrderAt", s(dueAt.minus(Duration.ofDays(30)).toString())); // the malformed one lacks it
    }
    item.put("intervalDays", AttributeValue.fromN("30"));
    item.putAll(DueWorkStore.dueAttributes(MailFlows.REORDER, dueAt, customerId));
    stack.dynamoDb().putItem(p -> p.tableName(stack.tableName("StoreTable")).item(item));
  }

  private static Map<String, AttributeValue> read(AwsStack stack, String customerId) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(key(customerId))
        .consistentRead(true)).item();
  }

  @Test
  void onePoisonItemDoesNotStopTheOthersAndIsParkedAfterItsAttempts(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    Clock clock = Clock.systemUTC();
    DueWorkStore store = new DueWorkStore(stack.dynamoDb(), table, clock);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Instant dueAt = clock.instant().minus(Duration.ofMinutes(5));
    String first = "cus_gone1_" + tag;
    String poison = "cus_poison_" + tag;
    String last = "cus_gone2_" + tag;
    reorderItem(stack, store, first, dueAt, false);
    reorderItem(stack, store, poison, dueAt.plusMillis(1), true);
    reorderItem(stack, store, last, dueAt.plusMillis(2), false);
    MailFigures figures = new DynamoMailFigures(stack.dynamoDb(), table);
    Job job = MailFlowJobs.create(stack.dynamoDb(), table, intents -> { }, figures, clock, ZoneId.of("Europe/Moscow"),
        "https://shop.example.com", MailFlowJobs.Settings.defaults()).get(ReorderReminderFlow.FLOW);

    Map<String, Object> run = job.run();
    assertTrue((int) run.get("failed") >= 1, run.toString());
    assertNull(read(stack, first).get(TableKeys.DUE_PK), "handled before the poison item");
    assertNull(read(stack, last).get(TableKeys.DUE_PK), "handled after the poison item");
    Map<String, AttributeValue> bad = read(stack, poison);
    assertEquals("1", bad.get("dueAttempts").n());
    assertTrue(bad.get("dueLastError").s().startsWith("NullPointerException"), bad.get("dueLastError").s());

    for (int attempt = 2; attempt <= PoisonItems.MAX_ATTEMPTS; attempt++) {
      run = job.run();
    }
    String parkedKey = TableKeys.CUSTOMER.key(poison) + "|" + TableKeys.MAIL_FLOW.key(MailFlows.REORDER);
    assertTrue(((List<?>) run.get("parkedItems")).contains(parkedKey), run.toString());
    bad = read(stack, poison);
    assertEquals(TableKeys.poison(MailFlows.REORDER), bad.get(TableKeys.DUE_PK).s());
    assertEquals(String.valueOf(PoisonItems.MAX_ATTEMPTS), bad.get("dueAttempts").n());
    assertTrue(store.parked(MailFlows.REORDER, 1000).stream().anyMatch(i -> poison.equals(i.get("customerId").s())));

    Map<String, Object> after = job.run();
    assertEquals(String.valueOf(PoisonItems.MAX_ATTEMPTS), read(stack, poison).get("dueAttempts").n(),
        "a parked item is not tried again");
    assertTrue(!((List<?>) after.get("parkedItems")).contains(parkedKey));
  }
}
