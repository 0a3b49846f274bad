package dev.storeops.messaging.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.messaging.sending.SendConfirmations;
import java.time.Instant;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link SendConfirmations} on the send log's items ({@code MAILLOG#<key> / MAILLOG}): one conditional UpdateItem. */
public final class DynamoSendConfirmations implements SendConfirmations {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSendConfirmations(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The send log's key of a dedupe key ({@code MAILLOG#<key> / MAILLOG}); {@link DynamoSendLog} uses it too. */
  static Map<String, AttributeValue> key(String dedupeKey) {
    return TableKeys.primaryKey(TableKeys.MAIL_LOG.key(dedupeKey), "MAILLOG");
  }

  @Override
  public void confirmAccepted(String dedupeKey, String sesMessageId, Instant now) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(dedupeKey))
          .updateExpression("SET sesMessageId = :m, sesAcceptedAt = :now")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":m", s(sesMessageId), ":now", s(now.toString()))));
    } catch (ConditionalCheckFailedException unknown) {
      // no such key (expired, or not one of ours): nothing to confirm
    }
  }
}
