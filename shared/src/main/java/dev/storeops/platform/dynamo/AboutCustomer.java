package dev.storeops.platform.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the items filed under a customer on GSI1 ({@link TableKeys#aboutCustomer}) and turns items
 * into plain values for an export: the one way the export and the erasure of a customer find and show
 * what the table keeps about them (docs/privacy.md).
 */
public final class AboutCustomer {
  private static final Set<String> KEYS = Set.of(TableKeys.PK, TableKeys.SK, TableKeys.GSI1PK, TableKeys.GSI1SK,
      TableKeys.GSI2PK, TableKeys.GSI2SK, TableKeys.DUE_PK, TableKeys.DUE_SK, TableKeys.TTL);

  private AboutCustomer() {}

  /** Every item of {@code kind} filed under the customer (all pages; GSI1 projects whole items), oldest first. */
  public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, String customerId,
      TableKeys.Prefix kind) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.GSI1)
            .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :kind)")
            .expressionAttributeValues(Map.of(":pk", s(TableKeys.CUSTOMER.key(customerId)), ":kind", s(kind.text()))))
        .items().forEach(items::add);
    return items;
  }

  /** An item's own attributes as plain JSON values, without table keys, index keys and TTL. */
  public static Map<String, Object> plain(Map<String, AttributeValue> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    item.forEach((k, v) -> {
      if (!KEYS.contains(k)) {
        out.put(k, Attr.java(v));
      }
    });
    return out;
  }

  /** The primary key of an item read from an index. */
  public static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return Map.of(TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK));
  }
}
