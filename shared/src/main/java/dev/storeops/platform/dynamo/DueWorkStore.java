package dev.storeops.platform.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Reads due work from the sparse {@code DueIndex}. Per kind, a cursor item ({@code DUECURSOR#<kind>
 * / CURSOR}) holds the oldest day that may still hold due items: writers lower it when they schedule
 * work ({@link #announce}), a scan reads the day buckets from the cursor to today, only up to now,
 * and moves the cursor past the past days it found empty. So one run reads the due items plus one
 * query per day since the oldest pending item — never the orders or customers that are not due.
 * Work is always scheduled at or after the moment it is written (a deadline, a follow-up), so a day
 * the cursor has passed never receives new items.
 *
 * <p>It is also the {@link PoisonItems.Ledger} of every due-work job: a failed item gets {@code
 * dueAttempts} (counted per due key: {@code dueFailedSk}), {@code dueLastError} and {@code dueFailedAt};
 * a parked one moves to the partition {@code POISON#<kind>} of the same index ({@link #parked}), with
 * {@code parkedAt} and {@code parkedFrom} (its day bucket), and is never read by {@link #due} again.
 */
public final class DueWorkStore implements PoisonItems.Ledger {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  /** What a scan found, and how many items DynamoDB read for it (for the cost figures). */
  public record Scan(List<Map<String, AttributeValue>> items, long itemsRead, int queries) {}

  public DueWorkStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  /** The index attributes that make an item due at {@code at}. */
  public static Map<String, AttributeValue> dueAttributes(String kind, Instant at, String id) {
    return Map.of(TableKeys.DUE_PK, s(DueWork.partition(kind, at)), TableKeys.DUE_SK, s(DueWork.sortKey(at, id)));
  }

  /** Lowers the kind's cursor to the day of {@code at} if it is later (call before writing due work). */
  public void announce(String kind, Instant at) {
    String day = DueWork.day(at).toString();
    try {
      dynamo.updateItem(b -> b.tableName(table).key(cursorKey(kind))
          .updateExpression("SET #day = :day, #type = :type")
          .conditionExpression("attribute_not_exists(#day) OR #day > :day")
          .expressionAttributeNames(Map.of("#day", "day", "#type", "type"))
          .expressionAttributeValues(Map.of(":day", s(day), ":type", s("DueCursor"))));
    } catch (ConditionalCheckFailedException alreadyEarlier) {
      // the cursor is at this day or earlier: nothing to do
    }
  }

  /** Items of {@code kind} due at or before now, oldest first, at most {@code limit}. */
  public Scan due(String kind, int limit) {
    Instant now = clock.instant();
    LocalDate today = DueWork.day(now);
    var cursorItem = dynamo.getItem(b -> b.tableName(table).key(cursorKey(kind)).consistentRead(true)).item();
    long read = 1;
    int queries = 0;
    if (cursorItem == null || !cursorItem.containsKey("day")) {
      return new Scan(List.of(), read, queries);
    }
    String cursorDay = cursorItem.get("day").s();
    LocalDate day = LocalDate.parse(cursorDay);
    LocalDate firstNonEmpty = null;
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (; !day.isAfter(today) && items.size() < limit; day = day.plusDays(1)) {
      Map<String, AttributeValue> start = null;
      boolean any = false;
      String bucket = DueWork.partition(kind, day);
      do {
        Map<String, AttributeValue> from = start;
        int want = limit - items.size();
        QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(TableKeys.DUE_INDEX)
            .keyConditionExpression("#pk = :pk AND #sk <= :upTo")
            .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK, "#sk", TableKeys.DUE_SK))
            .expressionAttributeValues(Map.of(":pk", s(bucket),
                ":upTo", s(DueWork.upTo(now))))
            .limit(want)
            .exclusiveStartKey(from));
        queries++;
        read += page.scannedCount();
        items.addAll(page.items());
        any |= page.count() > 0;
        start = page.hasLastEvaluatedKey() && items.size() < limit ? page.lastEvaluatedKey() : null;
      } while (start != null);
      if (any && firstNonEmpty == null) {
        firstNonEmpty = day;
      }
    }
    // past days before the first day that still had due items are drained: move the cursor there
    LocalDate newCursor = firstNonEmpty != null ? firstNonEmpty : (day.isAfter(today) ? today : day);
    if (newCursor.isAfter(LocalDate.parse(cursorDay))) {
      moveCursor(kind, cursorDay, newCursor.toString());
    }
    return new Scan(items, read, queries);
  }

  private void moveCursor(String kind, String from, String to) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(cursorKey(kind))
          .updateExpression("SET #day = :to")
          .conditionExpression("#day = :from")
          .expressionAttributeNames(Map.of("#day", "day"))
          .expressionAttributeValues(Map.of(":to", s(to), ":from", s(from))));
    } catch (ConditionalCheckFailedException moved) {
      // a writer announced earlier work, or another run moved it: keep theirs
    }
  }

  private static Map<String, AttributeValue> cursorKey(String kind) {
    return TableKeys.primaryKey(TableKeys.DUE_CURSOR.key(kind), "CURSOR");
  }

  /** The table key and due key of an index item as read by {@link #due}. */
  public static DueItem item(String kind, Map<String, AttributeValue> item) {
    return new DueItem(kind, Items.str(item, TableKeys.PK), Items.str(item, TableKeys.SK),
        Items.str(item, TableKeys.DUE_SK));
  }

  @Override
  public int recordFailure(DueItem item, String error) {
    Map<String, AttributeValue> key = TableKeys.primaryKey(item.pk(), item.sk());
    Map<String, String> names = Map.of("#a", "dueAttempts", "#e", "dueLastError", "#at", "dueFailedAt",
        "#fsk", "dueFailedSk", "#dsk", TableKeys.DUE_SK);
    Map<String, AttributeValue> values = Map.of(":one", Items.n(1), ":e", s(error),
        ":now", s(clock.instant().toString()), ":sk", s(item.dueSk()));
    try {
      // another failure at the same due key: count on
      var updated = dynamo.updateItem(b -> b.tableName(table).key(key)
          .updateExpression("SET #e = :e, #at = :now ADD #a :one")
          .conditionExpression("#dsk = :sk AND #fsk = :sk")
          .expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValues(ReturnValue.UPDATED_NEW));
      return (int) Items.num(updated.attributes(), "dueAttempts", 1);
    } catch (ConditionalCheckFailedException firstAtThisKey) {
      try {
        dynamo.updateItem(b -> b.tableName(table).key(key)
            .updateExpression("SET #e = :e, #at = :now, #a = :one, #fsk = :sk")
            .conditionExpression("#dsk = :sk")
            .expressionAttributeNames(names).expressionAttributeValues(values));
        return 1;
      } catch (ConditionalCheckFailedException moved) {
        return 0; // handled or moved meanwhile: nothing to count
      }
    }
  }

  @Override
  public boolean park(DueItem item, String error) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(TableKeys.primaryKey(item.pk(), item.sk()))
          .updateExpression("SET parkedFrom = #dpk, #dpk = :poison, parkedAt = :now, dueLastError = :e")
          .conditionExpression("#dsk = :sk")
          .expressionAttributeNames(Map.of("#dpk", TableKeys.DUE_PK, "#dsk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":poison", s(TableKeys.poison(item.kind())),
              ":now", s(clock.instant().toString()), ":e", s(error), ":sk", s(item.dueSk()))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  /** Items of {@code kind} parked as poison, oldest due first, at most {@code limit} (for ops). */
  public List<Map<String, AttributeValue>> parked(String kind, int limit) {
    return dynamo.query(q -> q.tableName(table).indexName(TableKeys.DUE_INDEX)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK))
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.poison(kind))))
        .limit(limit)).items();
  }
}
