package dev.storeops.it;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The due-work index reads what is due, and only that, on DynamoDB Local. */
@WithAwsStack
class DueWorkStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static void put(AwsStack stack, DueWorkStore store, String kind, String id, Instant dueAt) {
    store.announce(kind, dueAt);
    Map<String, AttributeValue> item = new HashMap<>(DueWorkStore.dueAttributes(kind, dueAt, id));
    item.put("pk", s("TEST#" + id));
    item.put("sk", s("TEST"));
    stack.dynamoDb().putItem(b -> b.tableName(stack.tableName("StoreTable")).item(item));
  }

  private static void done(AwsStack stack, String id) {
    stack.dynamoDb().updateItem(b -> b.tableName(stack.tableName("StoreTable"))
        .key(Map.of("pk", s("TEST#" + id), "sk", s("TEST"))).updateExpression("REMOVE duePk, dueSk"));
  }

  @Test
  void readsOnlyTheItemsThatAreDueOldestFirst(AwsStack stack) {
    String kind = "K" + UUID.randomUUID().toString().substring(0, 8);
    MovableClock clock = new MovableClock(NOW.minus(Duration.ofDays(4)));
    DueWorkStore store = new DueWorkStore(stack.dynamoDb(), stack.tableName("StoreTable"), clock);
    // scheduled 4 days ago: 3 due by now (3 days ahead, spread over two days), 40 due next week
    put(stack, store, kind, "a", NOW.minus(Duration.ofHours(30)));
    put(stack, store, kind, "b", NOW.minus(Duration.ofHours(1)));
    put(stack, store, kind, "c", NOW.minus(Duration.ofMinutes(1)));
    for (int i = 0; i < 40; i++) {
      put(stack, store, kind, "later" + i, NOW.plus(Duration.ofDays(7)).plusSeconds(i));
    }
    clock.advance(Duration.ofDays(4));

    DueWorkStore.Scan scan = store.due(kind, 100);
    List<String> ids = scan.items().stream().map(i -> i.get("pk").s()).toList();
    assertEquals(List.of("TEST#a", "TEST#b", "TEST#c"), ids);
    assertEquals(4, scan.itemsRead(), "3 due items + the cursor; none of the 40 later ones");
  }

  @Test
  void handledItemsAreNotReadAgainAndTheCursorMovesPastDrainedDays(AwsStack stack) {
    String kind = "K" + UUID.randomUUID().toString().substring(0, 8);
    MovableClock clock = new MovableClock(NOW.minus(Duration.ofDays(10)));
    DueWorkStore store = new DueWorkStore(stack.dynamoDb(), stack.tableName("StoreTable"), clock);
    put(stack, store, kind, "old", NOW.minus(Duration.ofDays(6)));
    clock.advance(Duration.ofDays(10));

    DueWorkStore.Scan first = store.due(kind, 10);
    assertEquals(1, first.items().size());
    assertEquals(7, first.queries(), "one query per day from the oldest pending day to today");
    done(stack, "old");

    store.due(kind, 10);
    DueWorkStore.Scan third = store.due(kind, 10);
    assertEquals(List.of(), third.items());
    assertEquals(1, third.queries(), "the cursor moved to today: one bucket left to read");
    assertEquals(1, third.itemsRead());
  }

  @Test
  void aKindWithNothingScheduledCostsOneRead(AwsStack stack) {
    DueWorkStore store = new DueWorkStore(stack.dynamoDb(), stack.tableName("StoreTable"), Clock.fixed(NOW, ZoneOffset.UTC));
    DueWorkStore.Scan scan = store.due("NOTHING" + UUID.randomUUID(), 10);
    assertEquals(0, scan.items().size());
    assertEquals(1, scan.itemsRead());
    assertEquals(0, scan.queries());
  }

  @Test
  void sortKeysOrderByTime() {
    String a = DueWork.sortKey(Instant.parse("2026-11-23T10:00:00Z"), "x");
    String b = DueWork.sortKey(Instant.parse("2026-11-23T10:00:00.123Z"), "a");
    assertEquals(-1, Integer.signum(a.compareTo(b)));
    assertEquals(-1, Integer.signum(b.compareTo(DueWork.upTo(Instant.parse("2026-11-23T10:00:00.123Z")))));
    assertEquals(Instant.parse("2026-11-23T10:00:00.123Z"), DueWork.instantOf(b));
  }
}
