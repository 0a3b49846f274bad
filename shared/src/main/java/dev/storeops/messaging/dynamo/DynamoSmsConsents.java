package dev.storeops.messaging.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.messaging.sms.SmsConsents;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SMS choice in the single table: {@code CUSTOMER#<id> / SMSCONSENT} with {@code optedOut} (BOOL),
 * {@code changedAt}, {@code changedBy}. No item = transactional SMS allowed. Kept apart from the
 * profile item so that a profile write never drops it; it lives in the customer's partition, so the
 * customer's erasure removes it with the rest.
 */
public final class DynamoSmsConsents implements SmsConsents {
  static final String SK = "SMSCONSENT";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSmsConsents(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static Map<String, AttributeValue> key(String customerId) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), SK);
  }

  @Override
  public boolean optedOut(String customerId) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(customerId))
        .consistentRead(true)).item();
    return item != null && !item.isEmpty() && Items.bool(item, "optedOut");
  }

  @Override
  public void set(String customerId, boolean optedOut, String by, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(key(customerId));
    item.put("type", s("SmsConsent"));
    item.put("optedOut", Items.bool(optedOut));
    item.put("changedAt", s(at.toString()));
    item.put("changedBy", s(by));
    dynamo.putItem(p -> p.tableName(table).item(item));
  }
}
