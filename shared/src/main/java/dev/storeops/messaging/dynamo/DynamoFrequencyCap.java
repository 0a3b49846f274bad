package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.sending.FrequencyCap;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.InstantClaim;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The cap item {@code CUSTOMER#<id> / MAILCAP}: {@code lastMarketingAt}, changed with an optimistic condition. */
public final class DynamoFrequencyCap implements FrequencyCap {
  /** The sort key of a customer's cap item ({@code CUSTOMER#<id> / MAILCAP}). */
  public static final String SK = "MAILCAP";
  private final DynamoDbClient dynamo;
  private final String table;
  private final InstantClaim claims;

  public DynamoFrequencyCap(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
    this.claims = new InstantClaim(dynamo, table, "lastMarketingAt");
  }

  private static Map<String, AttributeValue> key(String customerId) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), SK);
  }

  @Override
  public Instant lastMarketingAt(String customerId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(customerId)).consistentRead(true)).item();
    return item == null ? null : Items.instant(item, "lastMarketingAt");
  }

  @Override
  public boolean claim(String customerId, Instant expected, Instant now, String dedupeKey) {
    return claims.claim(key(customerId), expected, now, Map.of("lastDedupeKey", s(dedupeKey), "type", s("MailCap")));
  }

  @Override
  public void release(String customerId, Instant previous, Instant claimedAt, String dedupeKey) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":claimed", s(claimedAt.toString()));
    values.put(":key", s(dedupeKey));
    String update = "REMOVE lastMarketingAt, lastDedupeKey";
    if (previous != null) {
      update = "SET lastMarketingAt = :previous REMOVE lastDedupeKey";
      values.put(":previous", s(previous.toString()));
    }
    String expression = update;
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(customerId))
          .updateExpression(expression)
          .conditionExpression("lastMarketingAt = :claimed AND lastDedupeKey = :key")
          .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException e) {
      // a later mail claimed the cap since: leave it
    }
  }
}
