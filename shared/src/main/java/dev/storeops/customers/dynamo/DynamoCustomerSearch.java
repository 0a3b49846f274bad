package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerSearchBackfill;
import dev.storeops.customers.CustomerSearchIndex;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.customers.CustomerSearchTerms;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Invalid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
  public Entries byPhone(String phone, int limit, String cursor) {
    return entries(TableKeys.customerSearch(CustomerSearchTerms.Kind.PHONE.name(), phone), TableKeys.CUSTOMER.text(),
        false, limit, cursor);
  }

  @Override
  public Entries byNamePrefix(String bucket, String prefix, int limit, String cursor) {
    return entries(TableKeys.customerSearch(CustomerSearchTerms.Kind.NAME.name(), bucket), prefix, true, limit, cursor);
  }

  /** One Query of the entries under {@code pk} whose sort key starts with {@code prefix}, after the cursor's entry. */
  private Entries entries(String pk, String prefix, boolean byName, int limit, String cursor) {
    var request = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix))).limit(limit);
    if (cursor != null) {
      Map<String, AttributeValue> start = PageCursor.decode(cursor, List.of(TableKeys.PK, TableKeys.SK));
      // a cursor of another search would make DynamoDB refuse the start key: it is a bad cursor
      if (!start.keySet().equals(Set.of(TableKeys.PK, TableKeys.SK)) || !pk.equals(start.get(TableKeys.PK).s())
          || !start.get(TableKeys.SK).s().startsWith(prefix)) {
        throw Invalid.field("cursor", "is not a cursor of this search");
      }
      request.exclusiveStartKey(start);
    }
    var page = dynamo.query(request.build());
    List<Entry> entries = page.items().stream().map(item -> {
      String sk = Items.str(item, TableKeys.SK);
      String text = byName ? sk.substring(0, sk.lastIndexOf('#')) : pk.substring(pk.lastIndexOf('#') + 1);
      return new Entry(Items.str(item, "customerId"), text,
          PageCursor.encode(Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk))));
    }).toList();
    return new Entries(entries, page.hasLastEvaluatedKey() ? PageCursor.encode(page.lastEvaluatedKey()) : null);
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
