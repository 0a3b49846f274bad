package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.sending.SuppressionList;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The suppression list in the single table: {@code SUPPRESSED#<lower-case e-mail> / SUPPRESSED}. */
public final class DynamoSuppressionList implements SuppressionList {
  public static final String SK = "SUPPRESSED";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSuppressionList(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static Map<String, AttributeValue> key(String email) {
    return TableKeys.primaryKey(TableKeys.SUPPRESSED.key(SuppressionList.key(email)), SK);
  }

  @Override
  public boolean isSuppressed(String email) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(email)).consistentRead(true)
        .projectionExpression(TableKeys.PK)).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public boolean suppress(String email, String reason, Instant at, String source) {
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
