package dev.storeops.fulfilment.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.ShortStockMarks;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.fulfilment.RepairStockLedger;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The repair's reads and writes: orders holding stock by status (GSI2), every listed stock item (GSI2
 * {@code STOCKROWS#<shard>}, {@link StockLedgerItems#listedRows}: a few queries, not a Scan of the table,
 * which outgrew the staff API's 20 s as the shop's history grew), holds per row (Query), and the
 * correction with its journal entry in one transaction conditioned on the row as read (which files the
 * row in the listing too).
 */
public final class DynamoStockRepair implements RepairStockLedger.Store {
  private final DynamoDbClient dynamo;
  private final String table;
  private final OrderStore orders;
  private final Clock clock;

  public DynamoStockRepair(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.orders = new DynamoOrderStore(dynamo, table);
    this.clock = clock;
  }

  @Override
  public List<Order> ordersHoldingStock() {
    List<Order> out = new ArrayList<>();
    for (OrderStatus status : OrderStatus.values()) {
      if (!status.holdsStock()) {
        continue;
      }
      String cursor = null;
      do {
        OrderStore.Page page = orders.byStatus(status, null, 100, cursor);
        out.addAll(page.orders());
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    return out;
  }

  @Override
  public void ensureHold(Order order, Reservation merged) {
    List<String> states = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    for (OrderStatus st : OrderStatus.values()) {
      if (st.holdsStock()) {
        values.put(":st" + st.ordinal(), s(st.name()));
        states.add(":st" + st.ordinal());
      }
    }
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
              .key(DynamoOrderStore.orderKey(order.id()))
              .conditionExpression("#status IN (" + String.join(", ", states) + ")")
              .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values).build()).build(),
          StockLedgerItems.putHold(table, merged, order.id(), order.managerId(), clock.instant())));
    } catch (TransactionCanceledException exists) {
      // the hold exists already, or the order stopped holding stock meanwhile: nothing to add
    }
  }

  @Override
  public List<RepairStockLedger.Row> stockRows() {
    return StockLedgerItems.listedRows(dynamo, table).stream().map(DynamoStockRepair::row).toList();
  }

  private static RepairStockLedger.Row row(Map<String, AttributeValue> i) {
    String sku = Items.str(i, TableKeys.PK).substring(TableKeys.SKU.text().length());
    String warehouse = Items.str(i, TableKeys.SK).substring(TableKeys.STOCK.text().length());
    return new RepairStockLedger.Row(sku, warehouse, Items.num(i, "onHand", 0), Items.num(i, "reserved", 0),
        Items.num(i, "available", 0));
  }

  @Override
  public Optional<RepairStockLedger.Row> row(String sku, String warehouse) {
    var item = dynamo.getItem(g -> g.tableName(table).key(TableKeys.stockKey(sku, warehouse)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(row(item));
  }

  @Override
  public long held(String sku, String warehouse) {
    return StockLedgerItems.holds(dynamo, table, sku, warehouse).stream().mapToLong(Hold::qty).sum();
  }

  @Override
  public boolean correct(RepairStockLedger.Row asRead, StockLedger.Levels to, StockMovement journal) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":r", Items.n(to.reserved()), ":a", Items.n(to.available()),
        ":now", s(journal.at().toString()), ":h", Items.n(asRead.onHand()), ":rRead", Items.n(asRead.reserved())));
    // a correction that leaves the row short is marked for the short-stock sweep in its own transaction,
    // like every count: the flagging after it may fail, and the next repair finds nothing to correct
    String marked = ShortStockMarks.markIfShort(dynamo, table, values, journal.at(), to, asRead.sku(),
        asRead.warehouse(), ShortStockPolicy.Source.STAFF);
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().update(Update.builder().tableName(table)
              .key(TableKeys.stockKey(asRead.sku(), asRead.warehouse()))
              .updateExpression("SET reserved = :r, available = :a, updatedAt = :now" + marked
                  + StockLedgerItems.listed(values, asRead.sku(), asRead.warehouse()))
              .conditionExpression("attribute_exists(pk) AND (onHand = :h OR attribute_not_exists(onHand)) "
                  + "AND (reserved = :rRead OR attribute_not_exists(reserved))")
              .expressionAttributeValues(values).build()).build(),
          StockLedgerItems.putMovement(table, journal)));
      return true;
    } catch (TransactionCanceledException changed) {
      return false;
    }
  }
}
