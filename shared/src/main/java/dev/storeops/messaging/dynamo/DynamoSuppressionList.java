package dev.storeops.messaging.dynamo;

import dev.storeops.customers.ErasedReferences;
import dev.storeops.messaging.sending.SuppressionList;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The suppression list in the single table: {@code SUPPRESSED#<lower-case e-mail> / SUPPRESSED}, and,
 * for the address of an erased customer, only its hash: {@code SUPPRESSED#sha256:<hex> / SUPPRESSED}
 * ({@link ErasedReferences#addressHash}). {@link #isSuppressed} reads both keys in one BatchGetItem,
 * so an erased address is never mailed again although the list no longer holds it.
 */
public final class DynamoSuppressionList implements SuppressionList {
  public static final String SK = "SUPPRESSED";
  static final String HASH_PREFIX = "sha256:";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSuppressionList(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static Map<String, AttributeValue> key(String email) {
    return TableKeys.primaryKey(TableKeys.SUPPRESSED.key(SuppressionList.key(email)), SK);
  }

  static Map<String, AttributeValue> hashKey(String email) {
    return TableKeys.primaryKey(TableKeys.SUPPRESSED.key(HASH_PREFIX + ErasedReferences.addressHash(email)), SK);
  }

  @Override
  public boolean isSuppressed(String email) {
    var found = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
        .keys(key(email), hashKey(email)).consistentRead(true).projectionExpression(TableKeys.PK).build())));
    if (found.responses().getOrDefault(table, List.of()).stream().anyMatch(i -> !i.isEmpty())) {
      return true;
    }
    if (found.hasUnprocessedKeys() && !found.unprocessedKeys().isEmpty()) {
      // throttled: read the two keys one by one rather than guess
      return exists(key(email)) || exists(hashKey(email));
    }
    return false;
  }

  private boolean exists(Map<String, AttributeValue> key) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true).projectionExpression(TableKeys.PK)).item();
    return item != null && !item.isEmpty();
  }

  /** The suppression entry of {@code email} as stored (reason, time, source), or empty. */
  Map<String, AttributeValue> entry(String email) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(email)).consistentRead(true)).item();
    return item == null ? Map.of() : item;
  }

  @Override
  public boolean suppress(String email, String reason, Instant at, String source) {
    if (exists(hashKey(email))) {
      return false; // an erased customer's address: suppressed by its hash, never stored again in clear
    }
    Map<String, AttributeValue> item = new HashMap<>(key(email));
    item.put("type", s("Suppression"));
    item.put("email", s(SuppressionList.key(email)));
    item.put("reason", s(reason));
    item.put("suppressedAt", s(at.toString()));
    if (source != null && !source.isBlank()) {
      item.put("source", s(source));
    }
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
