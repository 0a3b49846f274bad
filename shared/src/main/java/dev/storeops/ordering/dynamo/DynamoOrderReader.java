package dev.storeops.ordering.dynamo;

import dev.storeops.ordering.Order;
import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order read by its id (one consistent GetItem), and nothing else: for a function that only looks orders
 * up (staff-files: the order an invoice belongs to, for the own-work rule), so that its role is granted
 * {@code dynamodb:GetItem} alone. The order item's key and mapping are defined here; the order store uses them.
 */
public final class DynamoOrderReader {
  static final String ORDER_SK = "ORDER";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoOrderReader(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The primary key of an order's item. */
  public static Map<String, AttributeValue> orderKey(String id) {
    return TableKeys.primaryKey(TableKeys.ORDER.key(id), ORDER_SK);
  }

  /** An order item as the order. */
  public static Order fromItem(Map<String, AttributeValue> item) {
    return Attr.read(item, Order.class);
  }

  public Optional<Order> find(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(orderKey(id)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }
}
