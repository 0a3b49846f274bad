package dev.storeops.platform.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An optimistic claim of one item's time-stamp attribute: moves it from the instant the caller read ({@code null}:
 * never set) to {@code now} — with the other attributes given, in the same conditional update — only while it
 * still holds what was read. Of two callers that read the same value, exactly one wins; the other gets
 * {@code false} and writes nothing. Used where a time stamp says who goes next: a customer's marketing-mail cap
 * ({@code DynamoFrequencyCap}) and a supplier feed's last attempt ({@code DynamoFeedStates}).
 */
public final class InstantClaim {
  private final DynamoDbClient dynamo;
  private final String table;
  private final String attribute;

  /** Claims of the attribute {@code attribute} (its time stamp, ISO-8601) of items in {@code table}. */
  public InstantClaim(DynamoDbClient dynamo, String table, String attribute) {
    this.dynamo = dynamo;
    this.table = table;
    this.attribute = attribute;
  }

  /**
   * Sets the attribute to {@code now} and {@code alsoSet} on the item of {@code key} if the attribute is still
   * {@code expected} (absent when {@code null}); {@code false}, nothing written, when another claim came first.
   */
  public boolean claim(Map<String, AttributeValue> key, Instant expected, Instant now,
      Map<String, AttributeValue> alsoSet) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#claimed", attribute);
    values.put(":now", Items.s(now.toString()));
    StringBuilder update = new StringBuilder("SET #claimed = :now");
    int i = 0;
    for (Map.Entry<String, AttributeValue> e : alsoSet.entrySet()) {
      names.put("#a" + i, e.getKey());
      values.put(":a" + i, e.getValue());
      update.append(", #a").append(i).append(" = :a").append(i);
      i++;
    }
    String condition = "attribute_not_exists(#claimed)";
    if (expected != null) {
      condition = "#claimed = :expected";
      values.put(":expected", Items.s(expected.toString()));
    }
    String expression = condition;
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key)
          .updateExpression(update.toString())
          .conditionExpression(expression)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
