package dev.storeops.messaging.dynamo;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.sending.ConsentStore;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Updates the customer profile ({@code CUSTOMER#<id> / PROFILE}) in place: one conditional UpdateItem,
 * no read; the withdrawal is appended to {@code consentHistory}.
 */
public final class DynamoConsentStore implements ConsentStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoConsentStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean withdraw(String customerId, ConsentEvent withdrawal) {
    try {
      dynamo.updateItem(u -> u.tableName(table)
          .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), "PROFILE"))
          .updateExpression("SET marketingConsent = :false, consentChangedAt = :at, "
              + "consentHistory = list_append(if_not_exists(consentHistory, :empty), :event) REMOVE gsi2pk, gsi2sk")
          .conditionExpression("attribute_exists(pk) AND marketingConsent = :true")
          .expressionAttributeValues(Map.of(":false", Items.bool(false), ":true", Items.bool(true),
              ":at", s(withdrawal.at().toString()), ":empty", AttributeValue.fromL(List.of()),
              ":event", AttributeValue.fromL(List.of(DynamoCustomerStore.eventItem(withdrawal))))));
      // the withdrawal in the customer's time-ordered history (ContactHistoryEntries)
      dev.storeops.platform.dynamo.ContactHistoryEntries.put(dynamo, table,
          DynamoCustomerStore.consentEntry(customerId, withdrawal));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
