package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerSearchBackfill;
import dev.storeops.customers.CustomerSearchIndex;
import dev.storeops.platform.dynamo.PageCursor;
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
 * The backfill ({@link CustomerSearchBackfill}) scans the profiles ({@code CUSTOMER#<id> / PROFILE}) page
 * by page and puts the same entries for each.
 */
public final class DynamoCustomerSearch implements CustomerSearchIndex, CustomerSearchBackfill {
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

  @Override
  public Page profiles(String cursor, int limit) {
    var request = software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(table).limit(limit)
        .filterExpression("sk = :profile AND begins_with(pk, :customer)")
        .expressionAttributeValues(Map.of(":profile", s(DynamoCustomerStore.PROFILE),
            ":customer", s(TableKeys.CUSTOMER.text())));
    if (cursor != null) {
      request.exclusiveStartKey(PageCursor.decode(cursor, List.of(TableKeys.PK, TableKeys.SK)));
    }
    var page = dynamo.scan(request.build());
    List<Customer> customers = page.items().stream().map(DynamoCustomerStore::fromItem).toList();
    return new Page(customers, page.scannedCount(),
        page.hasLastEvaluatedKey() ? PageCursor.encode(page.lastEvaluatedKey()) : null);
  }

  @Override
  public int fileUnderSearch(Customer customer) {
    List<Map<String, AttributeValue>> entries = CustomerSearchEntries.entries(customer);
    entries.forEach(entry -> dynamo.putItem(p -> p.tableName(table).item(entry)));
    return entries.size();
  }
}
