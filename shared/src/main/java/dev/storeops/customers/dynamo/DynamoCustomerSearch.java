package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.CustomerSearchIndex;
import dev.storeops.customers.CustomerSearchTerms;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Customer search entries in the single table (docs/data-model.md): {@code CUSTSEARCH#PHONE#<phone>} /
 * {@code CUSTOMER#<id>} and {@code CUSTSEARCH#NAME#<first two letters>} / {@code <name words>#<id>},
 * written by {@link CustomerSearchEntries} in the customer's creation transaction; read with one Query.
 */
public final class DynamoCustomerSearch implements CustomerSearchIndex {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomerSearch(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<String> byPhone(String phone, int limit) {
    return ids(TableKeys.customerSearch(CustomerSearchTerms.Kind.PHONE.name(), phone), null, limit);
  }

  @Override
  public List<String> byNamePrefix(String bucket, String prefix, int limit) {
    return ids(TableKeys.customerSearch(CustomerSearchTerms.Kind.NAME.name(), bucket), prefix, limit);
  }

  private List<String> ids(String pk, String prefix, int limit) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
    String condition = "pk = :pk";
    if (prefix != null) {
      condition += " AND begins_with(sk, :prefix)";
      values.put(":prefix", s(prefix));
    }
    String keyCondition = condition;
    return dynamo.query(q -> q.tableName(table).keyConditionExpression(keyCondition)
            .expressionAttributeValues(values).limit(limit)).items().stream()
        .map(item -> Items.str(item, "customerId")).toList();
  }
}
