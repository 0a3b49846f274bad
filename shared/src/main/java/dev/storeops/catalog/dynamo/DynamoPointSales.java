package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.PointSale;
import dev.storeops.catalog.PointSales;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.retry.Retry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Till sales of shop points: {@code POINT#<pointId> / POINTSALE#<receipt>} (type {@code PointSale}),
 * written in one TransactWriteItems with the point's stock items ({@code onHand −= q}, absolute values
 * conditioned on {@code onHand} and {@code reserved} as read) and one {@code point-sale} journal entry per
 * SKU (docs/points.md, docs/stock-ledger.md). The sale's put is conditioned on the receipt being new, so
 * a replay decrements nothing; a stock row changed between read and write is read again (5 attempts,
 * then 503 busy). The reports-stream counts the sale from the table's stream (channel {@code OFFLINE}).
 */
public final class DynamoPointSales implements PointSales {
  static final int ATTEMPTS = 5;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  private final dev.storeops.catalog.PurchaseCosts costs;

  /** With the purchase prices the stock import keeps ({@link DynamoPurchaseCosts}): each line records its unit cost. */
  public DynamoPointSales(DynamoDbClient dynamo, String table, Clock clock) {
    this(dynamo, table, clock, new DynamoPurchaseCosts(dynamo, table));
  }

  public DynamoPointSales(DynamoDbClient dynamo, String table, Clock clock, dev.storeops.catalog.PurchaseCosts costs) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.costs = costs;
  }

  static Map<String, AttributeValue> key(String pointId, String receipt) {
    return TableKeys.primaryKey(TableKeys.POINT.key(pointId), TableKeys.POINT_SALE.key(receipt));
  }

  @Override
  public Optional<PointSale> find(String pointId, String receiptNumber) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(pointId, receiptNumber)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attr.read(item, PointSale.class));
  }

  @Override
  public Recorded record(PointSale sale) {
    Map<String, Long> units = sale.unitsBySku();
    for (int attempt = 1; ; attempt++) {
      List<TransactWriteItem> actions = new ArrayList<>();
      List<Moved> moved = new ArrayList<>();
      Map<String, Long> onHandAfter = new HashMap<>();
      Map<dev.storeops.catalog.PurchaseCosts.Source, dev.storeops.catalog.PurchaseCosts.Supplied> supplied = new HashMap<>();
      actions.add(null); // the sale itself, once the levels after are known
      for (var e : units.entrySet()) {
        String sku = e.getKey();
        long qty = e.getValue();
        var current = dynamo.getItem(g -> g.tableName(table).key(TableKeys.stockKey(sku, sale.pointId()))
            .consistentRead(true)).item();
        boolean exists = current != null && !current.isEmpty();
        if (exists) {
          supplied.put(new dev.storeops.catalog.PurchaseCosts.Source(sku, sale.pointId()), DynamoPurchaseCosts.supplied(current));
        }
        long onHand = exists ? Items.num(current, "onHand", 0) : 0;
        long reserved = exists ? Items.num(current, "reserved", 0) : 0;
        StockLedger.Levels before = StockLedger.Levels.of(onHand, reserved);
        StockLedger.Levels after = StockLedger.pointSale(onHand, reserved, qty);
        moved.add(new Moved(sku, before, after));
        onHandAfter.put(sku, after.onHand());
        actions.add(stockUpdate(sku, sale.pointId(), exists, before, after));
        String why = "sold " + qty + " at point " + sale.pointId() + ", receipt " + sale.receiptNumber() + " (on hand "
            + before.onHand() + " → " + after.onHand() + ")";
        actions.add(StockLedgerItems.putMovement(table, StockMovement.absolute(clock.instant(), sku, sale.pointId(),
            StockMovement.POINT_SALE, qty, before, after, sale.recordedBy(), why,
            "receipt:" + sale.pointId() + "/" + sale.receiptNumber())));
      }
      // what a unit cost us at the point now (unknown stays null, never 0; docs/points.md#money)
      Map<dev.storeops.catalog.PurchaseCosts.Source, Long> unitCosts = costs.unitCosts(supplied.keySet(), supplied);
      List<PointSale.Line> lines = sale.lines().stream()
          .map(l -> new PointSale.Line(l.sku(), l.qty(), l.priceMinor(), onHandAfter.get(l.sku()),
              unitCosts.get(new dev.storeops.catalog.PurchaseCosts.Source(l.sku(), sale.pointId())))).toList();
      PointSale stored = new PointSale(sale.pointId(), sale.receiptNumber(), sale.soldAt(), lines, sale.totalMinor(),
          sale.recordedBy(), sale.recordedAt(), sale.source());
      actions.set(0, putSale(stored));
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions));
        return new Recorded(stored, true, moved);
      } catch (TransactionCanceledException e) {
        if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
          // the receipt was recorded meanwhile: its first recording stands
          return new Recorded(find(sale.pointId(), sale.receiptNumber()).orElseThrow(), false, List.of());
        }
        if (attempt >= ATTEMPTS) {
          throw new Busy("stock of point " + sale.pointId() + " kept changing; try again");
        }
        Retry.backOff(attempt);
      }
    }
  }

  private TransactWriteItem putSale(PointSale sale) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(sale));
    item.putAll(key(sale.pointId(), sale.receiptNumber()));
    item.put("type", s("PointSale"));
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  private TransactWriteItem stockUpdate(String sku, String warehouse, boolean exists, StockLedger.Levels before,
      StockLedger.Levels after) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", Items.n(after.onHand()),
        ":a", Items.n(after.available()), ":r", Items.n(after.reserved()), ":sku", s(sku), ":w", s(warehouse),
        ":type", s("Stock"), ":now", s(clock.instant().toString())));
    String condition = "attribute_not_exists(pk)";
    if (exists) {
      condition = "(reserved = :r OR attribute_not_exists(reserved)) AND (onHand = :h OR attribute_not_exists(onHand))";
      values.put(":h", Items.n(before.onHand()));
    }
    // a sale that leaves the point short marks the row for the short-stock sweep in the sale's own
    // transaction: a replayed receipt does not run the short-order rule again, so a sale whose flagging
    // failed would otherwise leave its orders short and silent (found by the month simulation)
    String mark = ShortStockMarks.markIfShort(dynamo, table, values, clock.instant(), after, sku, warehouse,
        ShortStockPolicy.Source.POINT_SALE);
    return TransactWriteItem.builder().update(Update.builder().tableName(table).key(TableKeys.stockKey(sku, warehouse))
        .updateExpression("SET #type = :type, sku = :sku, warehouse = :w, onHand = :n, available = :a, "
            + "reserved = :r, updatedAt = :now" + StockLedgerItems.listed(values, sku, warehouse) + mark)
        .conditionExpression(condition)
        .expressionAttributeNames(Map.of("#type", "type"))
        .expressionAttributeValues(values).build()).build();
  }
}
