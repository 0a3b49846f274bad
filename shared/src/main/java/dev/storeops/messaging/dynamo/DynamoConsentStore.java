package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.sending.ConsentStore;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Updates the customer profile ({@code CUSTOMER#<id> / PROFILE}) in place: one conditional UpdateItem, no read. */
public final class DynamoConsentStore implements ConsentStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoConsentStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean withdraw(String customerId, Instant at) {
    try {
      dynamo.updateItem(u -> u.tableName(table)
          .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), "PROFILE"))
          .updateExpression("SET marketingConsent = :false, consentChangedAt = :at REMOVE gsi2pk, gsi2sk")
          .conditionExpression("attribute_exists(pk) AND marketingConsent = :true")
          .expressionAttributeValues(Map.of(":false", Items.bool(false), ":true", Items.bool(true),
              ":at", s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
