package dev.storeops.platform.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.TableKeys;
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

/**
 * Reads due work from the sparse {@code DueIndex}. Per kind, a cursor item ({@code DUECURSOR#<kind>
 * / CURSOR}) holds the oldest day that may still hold due items: writers lower it when they schedule
 * work ({@link #announce}), a scan reads the day buckets from the cursor to today, only up to now,
 * and moves the cursor past the past days it found empty. So one run reads the due items plus one
 * query per day since the oldest pending item — never the orders or customers that are not due.
 * Work is always scheduled at or after the moment it is written (a deadline, a follow-up), so a day
 * the cursor has passed never receives new items.
 */
public final class DueWorkStore {
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
}
