package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockMovement;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.ids.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The ledger's items beside the stock items of a SKU (docs/stock-ledger.md), as transaction actions
 * the movements' writers add to their own TransactWriteItems: an order's holds ({@code HOLD#<warehouse>#<orderId>},
 * put when it reserves, ended — a tombstone with a TTL — when it releases or ships) and the movement journal
 * ({@code MOVE#<instant>#<unique>}, one entry per movement).
 */
public final class StockLedgerItems {
  private StockLedgerItems() {}

  /** The hold an order's reservation creates: written with the reservation, never twice. */
  public static TransactWriteItem putHold(String table, Reservation r, String orderId, String manager, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.holdKey(r.sku(), r.warehouse(), orderId));
    item.put("type", s("Hold"));
    item.put("sku", s(r.sku()));
    item.put("warehouse", s(r.warehouse()));
    item.put("orderId", s(orderId));
    item.put("qty", Items.n(r.qty()));
    Items.putIfPresent(item, "manager", manager);
    item.put("createdAt", s(at.toString()));
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  /**
   * The end of a hold (release or shipment): a tombstone, not a delete — {@code qty} 0, {@code endedAt}
   * and a {@code ttl} of {@link #ENDED_HOLD_KEPT} later, so DynamoDB's TTL removes it; {@link #holds}
   * skips it. (The public functions that cancel orders — payment-webhook on a refund — hold no
   * DeleteItem permission: docs/operations.md.) A hold that was never written (older orders) is no
   * error: the tombstone alone is written and expires.
   */
  public static TransactWriteItem endHold(String table, String sku, String warehouse, String orderId, Instant at) {
    return TransactWriteItem.builder().update(Update.builder().tableName(table)
        .key(TableKeys.holdKey(sku, warehouse, orderId))
        .updateExpression("SET qty = :zero, endedAt = :at, #ttl = :ttl")
        .expressionAttributeNames(Map.of("#ttl", TableKeys.TTL))
        .expressionAttributeValues(Map.of(":zero", Items.n(0), ":at", s(at.toString()),
            ":ttl", Items.n(at.plus(ENDED_HOLD_KEPT).getEpochSecond())))
        .build()).build();
  }

  /** How long an ended hold's tombstone stays (for the curious: which orders held a row lately). */
  public static final java.time.Duration ENDED_HOLD_KEPT = java.time.Duration.ofDays(7);

  /** A journal entry, with a key no other entry has. */
  public static TransactWriteItem putMovement(String table, StockMovement m) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(movementItem(m))
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  static Map<String, AttributeValue> movementItem(StockMovement m) {
    String unique = Ids.newId("mv", Clock.fixed(m.at(), ZoneOffset.UTC));
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.movementKey(m.sku(), m.at(), unique));
    item.put("type", s("StockMovement"));
    item.put("at", s(m.at().toString()));
    item.put("sku", s(m.sku()));
    item.put("warehouse", s(m.warehouse()));
    item.put("movement", s(m.movement()));
    item.put("qty", Items.n(m.qty()));
    number(item, "onHandBefore", m.onHandBefore());
    number(item, "onHandAfter", m.onHandAfter());
    number(item, "reservedBefore", m.reservedBefore());
    number(item, "reservedAfter", m.reservedAfter());
    item.put("onHandChange", Items.n(m.onHandChange()));
    item.put("reservedChange", Items.n(m.reservedChange()));
    Items.putIfPresent(item, "actor", m.actor());
    Items.putIfPresent(item, "reason", m.reason());
    Items.putIfPresent(item, "ref", m.ref());
    return item;
  }

  static StockMovement movement(Map<String, AttributeValue> item) {
    return new StockMovement(Items.instant(item, "at"), Items.str(item, "sku"), Items.str(item, "warehouse"),
        Items.str(item, "movement"), Items.num(item, "qty", 0), number(item, "onHandBefore"),
        number(item, "onHandAfter"), number(item, "reservedBefore"), number(item, "reservedAfter"),
        Items.num(item, "onHandChange", 0), Items.num(item, "reservedChange", 0), Items.str(item, "actor"),
        Items.str(item, "reason"), Items.str(item, "ref"));
  }

  /**
   * Shards of the stock-item listing on GSI2: every write of a stock item replicates to its listing
   * partition, so the rows are spread over a few partitions by SKU ({@link String#hashCode} is fixed by
   * the language) rather than all in one.
   */
  public static final int LISTING_SHARDS = 4;

  /**
   * The SET part that files a stock item in the listing ({@link TableKeys#STOCK_ROWS}), its values put in
   * {@code values}: every write that can create a stock item (supplier import, staff count, point sale,
   * return to stock) and the repair's correction add it, so rows written before the listing existed
   * are filed at their next such write.
   */
  public static String listed(Map<String, AttributeValue> values, String sku, String warehouse) {
    values.put(":rowsPk", s(TableKeys.STOCK_ROWS.key(Math.floorMod(sku.hashCode(), LISTING_SHARDS))));
    values.put(":rowsSk", s(sku + "#" + warehouse));
    return ", " + TableKeys.GSI2PK + " = :rowsPk, " + TableKeys.GSI2SK + " = :rowsSk";
  }

  /** Every listed stock item, shard by shard (GSI2: eventually consistent, as any index read). */
  public static List<Map<String, AttributeValue>> listedRows(DynamoDbClient dynamo, String table) {
    List<Map<String, AttributeValue>> rows = new ArrayList<>();
    for (int shard = 0; shard < LISTING_SHARDS; shard++) {
      QueryRequest request = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI2)
          .keyConditionExpression(TableKeys.GSI2PK + " = :pk")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.STOCK_ROWS.key(shard)))).build();
      for (var page : dynamo.queryPaginator(request)) {
        rows.addAll(page.items());
      }
    }
    return rows;
  }

  /** Every hold on a SKU in a warehouse (consistent read). */
  public static List<Hold> holds(DynamoDbClient dynamo, String table, String sku, String warehouse) {
    List<Hold> holds = new ArrayList<>();
    QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :hold)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.SKU.key(sku)), ":hold", s(TableKeys.holdsIn(warehouse))))
        .build();
    for (var page : dynamo.queryPaginator(request)) {
      for (var i : page.items()) {
        if (i.containsKey("endedAt")) {
          continue; // released or shipped (a tombstone until its TTL)
        }
        holds.add(new Hold(sku, warehouse, Items.str(i, "orderId"), Items.num(i, "qty", 0), Items.str(i, "manager")));
      }
    }
    return holds;
  }

  private static void number(Map<String, AttributeValue> item, String name, Long value) {
    if (value != null) {
      item.put(name, Items.n(value));
    }
  }

  private static Long number(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Long.parseLong(v.n());
  }
}
