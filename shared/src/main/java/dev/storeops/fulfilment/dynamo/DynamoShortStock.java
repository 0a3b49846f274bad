package dev.storeops.fulfilment.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.ShortLine;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The short flag on the order item: {@code short} (BOOL true while flagged), {@code shortLines} (list
 * of maps {@code sku, warehouse, held, onHand}) and {@code shortRev} (the version the flag writes are
 * conditioned on, so two counts of different SKUs of one order do not overwrite each other). Written
 * only while the order holds stock (status {@code NEW, AWAITING_PAYMENT, PAID, CONFIRMED, READY_TO_SHIP}).
 */
public final class DynamoShortStock implements FlagShortOrders.Store {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoShortStock(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public List<Hold> holds(String sku, String warehouse) {
    return StockLedgerItems.holds(dynamo, table, sku, warehouse);
  }

  @Override
  public Optional<FlagShortOrders.Holder> holder(String orderId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(orderId)).consistentRead(true))
        .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FlagShortOrders.Holder(DynamoOrderStore.fromItem(item), Items.num(item, "shortRev", 0)));
  }

  @Override
  public boolean writeShortLines(FlagShortOrders.Holder holder, List<ShortLine> lines) {
    Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#short", "short"));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":next", Items.n(holder.version() + 1));
    values.put(":now", s(clock.instant().toString()));
    List<String> states = new ArrayList<>();
    for (OrderStatus st : OrderStatus.values()) {
      if (st.holdsStock()) {
        values.put(":st" + st.ordinal(), s(st.name()));
        states.add(":st" + st.ordinal());
      }
    }
    String update;
    if (lines.isEmpty()) {
      update = "SET shortRev = :next, shortAt = :now REMOVE #short, shortLines";
    } else {
      update = "SET #short = :true, shortLines = :lines, shortRev = :next, shortAt = :now";
      values.put(":true", Items.bool(true));
      values.put(":lines", Attr.of(Json.mapper().convertValue(lines, List.class)));
    }
    String condition = "attribute_exists(pk) AND #status IN (" + String.join(", ", states) + ") AND ";
    if (holder.version() == 0) {
      condition += "attribute_not_exists(shortRev)";
    } else {
      condition += "shortRev = :rev";
      values.put(":rev", Items.n(holder.version()));
    }
    String c = condition;
    try {
      dynamo.updateItem(u -> u.tableName(table).key(DynamoOrderStore.orderKey(holder.order().id()))
          .updateExpression(update).conditionExpression(c).expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }
}
