package dev.storeops.messaging.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.sms.SmsConsents;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.NotFound;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The SMS choice in the single table: {@code CUSTOMER#<id> / SMSCONSENT} with {@code optedOut} (BOOL),
 * {@code changedAt}, {@code changedBy}, {@code source}. No item = transactional SMS allowed. Kept apart
 * from the profile item so that a profile write never drops it; it lives in the customer's partition, so
 * the customer's erasure removes it with the rest.
 *
 * <p>A change is one transaction of two writes: the choice, put only when it differs from the one in
 * force (condition), and the step appended to the profile's {@code consentHistory} (condition: the
 * profile exists). So setting the same value twice records one change.
 */
public final class DynamoSmsConsents implements SmsConsents {
  static final String SK = "SMSCONSENT";
  private static final String PROFILE = "PROFILE";
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
  public boolean set(String customerId, boolean optedOut, ConsentEvent step) {
    Map<String, AttributeValue> item = new HashMap<>(key(customerId));
    item.put("type", s("SmsConsent"));
    item.put("optedOut", Items.bool(optedOut));
    item.put("changedAt", s(step.at().toString()));
    Items.putIfPresent(item, "changedBy", step.by());
    Items.putIfPresent(item, "source", step.source());
    // in force: no item or optedOut false = allowed; the put happens only when the choice changes
    String changes = optedOut ? "attribute_not_exists(pk) OR optedOut = :false" : "optedOut = :true";
    Map<String, AttributeValue> values = Map.of(optedOut ? ":false" : ":true", Items.bool(!optedOut));
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
              .conditionExpression(changes).expressionAttributeValues(values).build()).build(),
          TransactWriteItem.builder().update(Update.builder().tableName(table)
              .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), PROFILE))
              .updateExpression("SET consentHistory = list_append(if_not_exists(consentHistory, :empty), :step)")
              .conditionExpression("attribute_exists(pk)")
              .expressionAttributeValues(Map.of(":empty", AttributeValue.fromL(List.of()),
                  ":step", AttributeValue.fromL(List.of(DynamoCustomerStore.eventItem(step))))).build()).build(),
          // the step in the customer's time-ordered history (ContactHistoryEntries)
          dev.storeops.platform.dynamo.ContactHistoryEntries.put(table,
              DynamoCustomerStore.consentEntry(customerId, step))));
      return true;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
      if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
        throw new NotFound("Customer " + customerId);
      }
      if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
        return false; // already that choice: nothing written
      }
      throw e;
    }
  }
}
