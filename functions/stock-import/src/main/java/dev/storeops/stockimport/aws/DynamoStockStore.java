package dev.storeops.stockimport.aws;

import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.dynamo.ShortStockMarks;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stockimport.core.CurrentStock;
import dev.storeops.stockimport.core.StockChange;
import dev.storeops.stockimport.core.StockStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Stock items (pk {@code SKU#<sku>}, sk {@code STOCK#<warehouse>}; GSI1 {@code
 * SUPPLIER#<supplierId>#<warehouse>} / {@code SKU#<sku>}). An import write sets {@code onHand} and
 * {@code available = max(0, onHand − reserved)} with the condition that {@code onHand} and {@code
 * reserved} still have the values read, together with its journal entry (docs/stock-ledger.md); an
 * order reserving in between makes it re-read and retry.
 */
public class DynamoStockStore implements StockStore {
  static final int MAX_ATTEMPTS = 20;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoStockStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public static Map<String, AttributeValue> key(String sku, String warehouse) {
    return TableKeys.stockKey(sku, warehouse);
  }

  public static String supplierKey(String supplierId, String warehouse) {
    return TableKeys.supplierStock(supplierId, warehouse);
  }

  @Override
  public Map<String, CurrentStock> supplierStock(String supplierId, String warehouse) {
    Map<String, CurrentStock> out = new HashMap<>();
    QueryRequest request = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", Items.s(supplierKey(supplierId, warehouse))))
        .build();
    for (var page : dynamo.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        String sku = Items.str(item, "sku");
        AttributeValue price = item.get("supplierPrice");
        out.put(sku, new CurrentStock(sku, Items.num(item, "onHand", 0), Items.num(item, "reserved", 0),
            Items.str(item, "supplierName"), price == null || price.n() == null ? null : Long.parseLong(price.n()),
            Items.str(item, "expiresAt"), item.get("priority") == null || item.get("priority").n() == null ? null
            : Integer.valueOf(item.get("priority").n())));
      }
    }
    return out;
  }

  @Override
  public Written write(String supplierId, String warehouse, StockChange change, Instant now, String file) {
    StockLedger.Levels before = change.expectedReserved() == null ? null
        : StockLedger.Levels.of(change.expectedOnHand() == null ? 0 : change.expectedOnHand(), change.expectedReserved());
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        update(supplierId, warehouse, change, before, now, file);
        return new Written(change.sku(), before, StockLedger.Levels.of(change.onHand(), before == null ? 0 : before.reserved()));
      } catch (TransactionCanceledException conflict) {
        boolean changed = conflict.cancellationReasons().stream()
            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
        if (!changed) {
          throw conflict;
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(change.sku(), warehouse))
            .consistentRead(true)).item();
        before = item == null || item.isEmpty() ? null
            : StockLedger.Levels.of(Items.num(item, "onHand", 0), Items.num(item, "reserved", 0));
      }
    }
    throw new IllegalStateException("stock of " + change.sku() + " kept changing; gave up after " + MAX_ATTEMPTS
        + " attempts");
  }

  /**
   * One transaction: the conditional stock update and its journal entry; {@code before == null}: the
   * item must not exist yet, else its {@code onHand} and {@code reserved} must still be as read.
   */
  protected void update(String supplierId, String warehouse, StockChange change, StockLedger.Levels before,
      Instant now, String file) {
    long reserved = before == null ? 0 : before.reserved();
    StockLedger.Levels after = StockLedger.Levels.of(change.onHand(), reserved);
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    StringBuilder set = new StringBuilder("SET #type = :type, sku = :sku, warehouse = :wh, onHand = :n, "
        + "available = :a, reserved = :r, supplierId = :sup, gsi1pk = :g1pk, gsi1sk = :g1sk, updatedAt = :now");
    names.put("#type", "type");
    values.put(":type", Items.s("Stock"));
    values.put(":sku", Items.s(change.sku()));
    values.put(":wh", Items.s(warehouse));
    values.put(":n", Items.n(change.onHand()));
    values.put(":a", Items.n(after.available()));
    values.put(":r", Items.n(reserved));
    values.put(":sup", Items.s(supplierId));
    values.put(":g1pk", Items.s(supplierKey(supplierId, warehouse)));
    values.put(":g1sk", Items.s(TableKeys.SKU.key(change.sku())));
    values.put(":now", Items.s(now.toString()));
    set.append(StockLedgerItems.listed(values, change.sku(), warehouse));
    // a row left short is marked for the short-stock sweep in this very transaction
    set.append(ShortStockMarks.markIfShort(dynamo, table, values, now, after, change.sku(), warehouse,
        ShortStockPolicy.Source.SUPPLIER));
    if (change.name() != null) {
      set.append(", supplierName = :name");
      values.put(":name", Items.s(change.name()));
    }
    if (change.priceMinor() != null) {
      set.append(", supplierPrice = :price");
      values.put(":price", Items.n(change.priceMinor()));
    }
    if (change.expiresAt() != null) {
      set.append(", expiresAt = :exp");
      values.put(":exp", Items.s(change.expiresAt()));
    }
    names.put("#prio", "priority");
    if (change.priority() != null) {
      set.append(", #prio = :prio");
      values.put(":prio", Items.n(change.priority()));
    } else {
      set.append(" REMOVE #prio");
    }
    String condition;
    if (before == null) {
      condition = "attribute_not_exists(pk)";
    } else {
      values.put(":h", Items.n(before.onHand()));
      condition = "attribute_exists(pk) AND (reserved = :r" + (reserved == 0 ? " OR attribute_not_exists(reserved))" : ")")
          + " AND (onHand = :h" + (before.onHand() == 0 ? " OR attribute_not_exists(onHand))" : ")");
    }
    StockLedger.Levels from = before == null ? StockLedger.Levels.of(0, 0) : before;
    String why = "supplier " + supplierId + (change.kind() == StockChange.Kind.ZERO
        ? " no longer lists it: 0 (was " + from.onHand() + ")"
        : " counts " + change.onHand() + " (was " + (before == null ? "no stock item" : from.onHand()) + ")");
    StockMovement journal = StockMovement.absolute(now, change.sku(), warehouse, StockMovement.SUPPLIER_IMPORT,
        change.onHand(), from, after, "supplier:" + supplierId, why, file);
    dynamo.transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(change.sku(), warehouse))
            .updateExpression(set.toString()).conditionExpression(condition)
            .expressionAttributeNames(names).expressionAttributeValues(values).build()).build(),
        StockLedgerItems.putMovement(table, journal)));
  }
}
