package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.ordering.AnnounceOrders;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.ordering.Order;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Announce items on DynamoDB: {@code ORDER#<id> / ANNOUNCE} ({@code type OrderAnnounce}, {@code orderId},
 * {@code createdAt}, {@code republished}), on the due-work index (kind {@value OrderAnnouncements#KIND})
 * at creation + {@link AnnounceOrders#GRACE}. {@link #item} is put by {@link DynamoOrderStore#create} in
 * the order's transaction.
 */
public final class DynamoOrderAnnouncements implements OrderAnnouncements {
  static final String SK = "ANNOUNCE";
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  public DynamoOrderAnnouncements(DynamoDbClient dynamo, String table, DueWorkStore due) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
  }

  static Map<String, AttributeValue> key(String orderId) {
    return TableKeys.primaryKey(TableKeys.ORDER.key(orderId), SK);
  }

  /** The announce item of a new order (written with the order). */
  static Map<String, AttributeValue> item(Order order) {
    Map<String, AttributeValue> item = new HashMap<>(key(order.id()));
    item.put("type", s("OrderAnnounce"));
    item.put("orderId", s(order.id()));
    item.put("createdAt", s(order.createdAt().toString()));
    item.putAll(DueWorkStore.dueAttributes(KIND, dueAt(order), order.id()));
    return item;
  }

  static Instant dueAt(Order order) {
    return order.createdAt().plus(AnnounceOrders.GRACE);
  }

  @Override
  public List<Due> due(int limit) {
    return due.due(KIND, limit).items().stream().map(i -> new Due(DueWorkStore.item(KIND, i), Items.str(i, "orderId"),
        Items.instant(i, "createdAt"), (int) Items.num(i, "republished", 0))).toList();
  }

  @Override
  public void announced(String orderId) {
    dynamo.deleteItem(d -> d.tableName(table).key(key(orderId)));
  }

  @Override
  public boolean republished(Due item, Instant nextCheck) {
    due.announce(KIND, nextCheck);
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(item.orderId()))
          .updateExpression("SET #dpk = :dpk, #dsk = :dsk, republishedAt = :now ADD republished :one")
          .conditionExpression("#dsk = :read")
          .expressionAttributeNames(Map.of("#dpk", TableKeys.DUE_PK, "#dsk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":dpk", s(DueWork.partition(KIND, nextCheck)),
              ":dsk", s(DueWork.sortKey(nextCheck, item.orderId())), ":read", s(item.at().dueSk()),
              ":now", s(nextCheck.minus(AnnounceOrders.RECHECK).toString()), ":one", Items.n(1))));
      return true;
    } catch (ConditionalCheckFailedException movedOrGone) {
      return false;
    }
  }
}
