package dev.storeops.catalog.dynamo;

import dev.storeops.platform.dynamo.Attr;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.CatalogSnapshot;
import dev.storeops.staff.Manager;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.StockLevel;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.retry.Retry;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import dev.storeops.catalog.Warehouse;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Products, stock, warehouses and managers in the single table, with the item shapes of the
 * contract in docs/data-model.md and docs/orders.md.
 */
public final class DynamoCatalog implements Catalog {
  private static final int SET_STOCK_ATTEMPTS = 5;
  /** Warehouses change rarely: a container reads them at most every 30 s (and after its own change). */
  private static final long WAREHOUSES_TTL_MILLIS = 30_000;
  private volatile List<Warehouse> warehouses;
  private volatile long warehousesReadAt;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoCatalog(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public static Map<String, AttributeValue> productKey(String sku) {
    return TableKeys.primaryKey(TableKeys.SKU.key(sku), "PRODUCT");
  }

  @Override
  public CatalogSnapshot snapshot(Collection<String> skus) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(skus));
    Map<String, Product> products = products(unique);
    Map<String, List<StockLevel>> stock = new HashMap<>();
    for (String sku : unique) {
      stock.put(sku, stock(sku));
    }
    return new CatalogSnapshot(products, stock);
  }

  /** The products in BatchGetItem calls of 100 keys (consistent reads), unprocessed keys asked again. */
  @Override
  public Map<String, Product> products(Collection<String> skus) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(skus));
    Map<String, Product> products = new LinkedHashMap<>();
    for (int from = 0; from < unique.size(); from += 100) {
      List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(from + 100, unique.size())).stream()
          .map(DynamoCatalog::productKey).toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> ask = request;
        var response = dynamo.batchGetItem(b -> b.requestItems(ask));
        response.responses().getOrDefault(table, List.of()).forEach(i -> {
          Product p = product(i);
          products.put(p.sku(), p);
        });
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return products;
  }

  @Override
  public List<StockLevel> stock(String sku) {
    List<StockLevel> levels = new ArrayList<>();
    for (var item : queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :stock)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.SKU.key(sku)), ":stock", s(TableKeys.STOCK.text()))).build())) {
      levels.add(stockLevel(sku, item));
    }
    return levels;
  }

  /** A stock item ({@code SKU#<sku>} / {@code STOCK#<warehouse>}) as its level. */
  public static StockLevel stockLevel(String sku, Map<String, AttributeValue> item) {
    AttributeValue priority = item.get("priority");
    return new StockLevel(sku, Items.str(item, "warehouse"), Items.num(item, "onHand", 0),
        Items.num(item, "reserved", 0), Items.num(item, "available", 0), Items.str(item, "supplierId"),
        priority == null || priority.n() == null ? null : Integer.valueOf(priority.n()));
  }

  @Override
  public Optional<Product> product(String sku) {
    var item = dynamo.getItem(g -> g.tableName(table).key(productKey(sku))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(product(item));
  }

  public static Product product(Map<String, AttributeValue> item) {
    return Attr.read(item, Product.class);
  }

  @Override
  public List<Warehouse> warehouses() {
    List<Warehouse> cached = warehouses;
    long now = clock.millis();
    if (cached != null && now - warehousesReadAt < WAREHOUSES_TTL_MILLIS) {
      return cached;
    }
    List<Warehouse> read = readWarehouses();
    warehouses = read;
    warehousesReadAt = now;
    return read;
  }

  private List<Warehouse> readWarehouses() {
    return queryAll(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s("WAREHOUSES"))).build())
        .stream().map(i -> new Warehouse(Items.str(i, "id"), Items.str(i, "name"), Items.str(i, "city"),
            Items.bool(i, "point"))).toList();
  }

  @Override
  public List<Manager> managers() {
    return queryAll(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s("MANAGERS"))).build())
        .stream().map(DynamoCatalog::manager).toList();
  }

  @Override
  public Optional<Manager> manager(String id) {
    var item = dynamo.getItem(g -> g.tableName(table).key(managerKey(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(manager(item));
  }

  private static Map<String, AttributeValue> managerKey(String id) {
    return TableKeys.primaryKey(TableKeys.MANAGER.key(id), "MANAGER");
  }

  static Manager manager(Map<String, AttributeValue> i) {
    return new Manager(Items.str(i, "id"), Items.str(i, "name"), Items.str(i, "email"), Items.bool(i, "onShift"),
        Items.num(i, "openOrders", 0));
  }

  @Override
  public void putProduct(Product p) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(p));
    item.putAll(productKey(p.sku()));
    item.put("type", s("Product"));
    item.put("related", Attr.of(p.related()));
    item.put("upsell", Attr.of(p.upsell()));
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  @Override
  public void putWarehouse(Warehouse w) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(w));
    item.put(TableKeys.PK, s(TableKeys.WAREHOUSE.key(w.id())));
    item.put(TableKeys.SK, s("WAREHOUSE"));
    item.put("type", s("Warehouse"));
    item.put(TableKeys.GSI1PK, s("WAREHOUSES"));
    item.put(TableKeys.GSI1SK, s(w.id()));
    dynamo.putItem(b -> b.tableName(table).item(item));
    warehouses = null;
  }

  @Override
  public Manager putManager(String id, String name, String email, boolean onShift) {
    var response = dynamo.updateItem(u -> u.tableName(table).key(managerKey(id))
        .updateExpression("SET #type = :type, id = :id, #name = :name, email = :email, onShift = :on, "
            + "gsi1pk = :g1, gsi1sk = :id, updatedAt = :now, openOrders = if_not_exists(openOrders, :zero)")
        .expressionAttributeNames(Map.of("#type", "type", "#name", "name"))
        .expressionAttributeValues(Map.of(":type", s("Manager"), ":id", s(id), ":name", s(name), ":email", s(email),
            ":on", Items.bool(onShift), ":g1", s("MANAGERS"), ":now", s(clock.instant().toString()),
            ":zero", Items.n(0)))
        .returnValues(ReturnValue.ALL_NEW));
    return manager(response.attributes());
  }

  @Override
  public Count count(String sku, String warehouse, long onHand, String actor) {
    for (int attempt = 1; ; attempt++) {
      var current = dynamo.getItem(g -> g.tableName(table).key(TableKeys.stockKey(sku, warehouse))
          .consistentRead(true)).item();
      boolean exists = current != null && !current.isEmpty();
      long onHandBefore = exists ? Items.num(current, "onHand", 0) : 0;
      long reserved = exists ? Items.num(current, "reserved", 0) : 0;
      StockLedger.Levels before = StockLedger.Levels.of(onHandBefore, reserved);
      StockLedger.Levels after = StockLedger.Levels.of(onHand, reserved);
      Instant now = clock.instant();
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", Items.n(onHand), ":a", Items.n(after.available()),
          ":r", Items.n(reserved), ":sku", s(sku), ":w", s(warehouse), ":type", s("Stock"),
          ":now", s(now.toString())));
      String condition = "attribute_not_exists(pk)";
      if (exists) {
        // as read: a reservation, release or import in between makes it read again
        condition = "(reserved = :r OR attribute_not_exists(reserved)) AND (onHand = :h OR attribute_not_exists(onHand))";
        values.put(":h", Items.n(onHandBefore));
      }
      String why = "stock of " + sku + " in " + warehouse + " set to " + onHand + " by staff (was "
          + (exists ? onHandBefore : "no stock item") + ")";
      StockMovement journal = StockMovement.absolute(now, sku, warehouse, StockMovement.STAFF_SET, onHand, before, after,
          actor, why, null);
      String c = condition;
      // a row left short is marked for the short-stock sweep in this very transaction
      String marked = ShortStockMarks.markIfShort(dynamo, table, values, now, after, sku, warehouse,
          dev.storeops.catalog.ShortStockPolicy.Source.STAFF);
      String listed = StockLedgerItems.listed(values, sku, warehouse);
      try {
        dynamo.transactWriteItems(t -> t.transactItems(
            TransactWriteItem.builder().update(Update.builder().tableName(table).key(TableKeys.stockKey(sku, warehouse))
                .updateExpression("SET #type = :type, sku = :sku, warehouse = :w, onHand = :n, available = :a, "
                    + "reserved = :r, updatedAt = :now" + listed + marked)
                .conditionExpression(c)
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(values).build()).build(),
            StockLedgerItems.putMovement(table, journal)));
        return new Count(exists ? before : null, new StockLevel(sku, warehouse, onHand, reserved, after.available()));
      } catch (TransactionCanceledException e) {
        if (attempt >= SET_STOCK_ATTEMPTS) {
          throw new Busy("stock of " + sku + "@" + warehouse + " kept changing; try again");
        }
        Retry.backOff(attempt);
      }
    }
  }

  private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
      QueryResponse response = dynamo.query(page);
      items.addAll(response.items());
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }
}
