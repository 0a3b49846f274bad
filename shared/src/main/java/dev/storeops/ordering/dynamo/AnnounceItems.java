package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.ordering.AnnounceOrders;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.ordering.Order;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The announce item's key and shape ({@code ORDER#<id> / ANNOUNCE}), apart from {@link
 * DynamoOrderAnnouncements} so that the functions that only write it with the order (the public
 * order-api among them) do not reach the calls that delete it (least privilege, docs/operations.md).
 */
final class AnnounceItems {
  static final String SK = "ANNOUNCE";

  private AnnounceItems() {}

  static Map<String, AttributeValue> key(String orderId) {
    return TableKeys.primaryKey(TableKeys.ORDER.key(orderId), SK);
  }

  /** The announce item of a new order (written with the order). */
  static Map<String, AttributeValue> item(Order order) {
    Map<String, AttributeValue> item = new HashMap<>(key(order.id()));
    item.put("type", s("OrderAnnounce"));
    item.put("orderId", s(order.id()));
    item.put("createdAt", s(order.createdAt().toString()));
    item.putAll(DueWorkStore.dueAttributes(OrderAnnouncements.KIND, dueAt(order), order.id()));
    return item;
  }

  static Instant dueAt(Order order) {
    return order.createdAt().plus(AnnounceOrders.GRACE);
  }
}
