package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Stock moves of one order that did not fit the transaction that decided them (docs/orders.md, "40
 * lines do not fit one transaction"), kept on one item of the order ({@code ORDER#<id>}) until they are
 * written: attribute {@code pending} (a map {@code <sku>@<warehouse>} → {@code {sku, warehouse, qty}}),
 * {@code movesState} ({@value #PENDING}: the holds were written by an intake whose last transaction may
 * still come; {@value #DRAINING}: the moves are decided and must be written), {@code moves} ({@code release}
 * or {@code consume}), {@code number}, {@code actor} and {@code moveReason} (the journal's words).
 *
 * <p>Two uses: the first transactions of a large order's intake write the intake's first reservations
 * with their holds and journal entries and list them here (on the order's announce item, due 5 minutes
 * later): the intake's last transaction writes the order and clears them ({@link #clearCondition}); a failed
 * last transaction, or the announce sweeper finding no order, claims them ({@link #claim}) and releases
 * them. And the cancellation or shipment of a large order writes its first moves with the status change
 * and the rest here, written at once after it ({@link #drain}; a crash leaves them to the sweeper).
 *
 * <p>{@link #drain} writes at most {@value #ROWS_PER_TRANSACTION} rows per TransactWriteItems: per row the
 * stock item (absolute values of {@link StockLedger}, conditioned on {@code onHand} and {@code reserved} as
 * read), the hold ended and the journal entry, and the rows taken off the item (conditioned on each still
 * being there, so two drains never move a row twice). The last transaction takes the item off the due index.
 */
public final class PendingStockMoves {
  public static final String PENDING = "pending";
  public static final String DRAINING = "draining";
  /** 3 actions per row + the item's update: 1 + 3 × 33 = 100. */
  public static final int ROWS_PER_TRANSACTION = 33;
  static final String RELEASE = "release";
  static final String CONSUME = "consume";
  private static final int ATTEMPTS = 8;
  /** How long a drained item stays (TTL) for the curious. */
  private static final Duration KEPT = Duration.ofDays(7);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public PendingStockMoves(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  /** A row's name in the {@code pending} map. */
  static String rowKey(String sku, String warehouse) {
    return sku + "@" + warehouse;
  }

  /** The {@code pending} map of reservations (one entry per SKU × warehouse). */
  static AttributeValue rows(List<Reservation> reservations) {
    Map<String, AttributeValue> rows = new LinkedHashMap<>();
    for (Reservation r : reservations) {
      rows.merge(rowKey(r.sku(), r.warehouse()), row(r.sku(), r.warehouse(), r.qty()), (a, b) -> row(r.sku(),
          r.warehouse(), Long.parseLong(a.m().get("qty").n()) + Long.parseLong(b.m().get("qty").n())));
    }
    return AttributeValue.fromM(rows);
  }

  private static AttributeValue row(String sku, String warehouse, long qty) {
    return AttributeValue.fromM(Map.of("sku", s(sku), "warehouse", s(warehouse), "qty", Items.n(qty)));
  }

  /** The attributes that make an item hold pending moves (put or {@code SET} with it). */
  public static Map<String, AttributeValue> attributes(String state, String moves, List<Reservation> rows, String number,
      String actor, String reason) {
    Map<String, AttributeValue> a = new HashMap<>();
    a.put("movesState", s(state));
    a.put("moves", s(moves));
    a.put("pending", rows(rows));
    Items.putIfPresent(a, "number", number);
    Items.putIfPresent(a, "actor", actor);
    Items.putIfPresent(a, "moveReason", reason);
    return a;
  }

  /**
   * An update adding {@code more} rows to a pending intake (a middle transaction of a very large order),
   * conditioned on the intake still being pending: a claimed intake takes no more holds.
   */
  static Update addRows(String table, Map<String, AttributeValue> key, List<Reservation> more) {
    Map<String, String> names = new HashMap<>(Map.of("#st", "movesState", "#p", "pending"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pending", s(PENDING)));
    List<String> set = new ArrayList<>();
    int i = 0;
    for (var e : rows(more).m().entrySet()) {
      names.put("#r" + i, e.getKey());
      values.put(":r" + i, e.getValue());
      set.add("#p.#r" + i + " = :r" + i);
      i++;
    }
    return Update.builder().tableName(table).key(key).updateExpression("SET " + String.join(", ", set))
        .conditionExpression("#st = :pending").expressionAttributeNames(names).expressionAttributeValues(values).build();
  }

  /** The update of the intake's last transaction: the moves are the order's now (fails once claimed). */
  static Update clearCondition(String table, Map<String, AttributeValue> key) {
    return Update.builder().tableName(table).key(key)
        .updateExpression("REMOVE #st, #p, moves, moveReason")
        .conditionExpression("#st = :pending")
        .expressionAttributeNames(Map.of("#st", "movesState", "#p", "pending"))
        .expressionAttributeValues(Map.of(":pending", s(PENDING))).build();
  }

  /**
   * Claims a pending intake for release: from then on its last transaction cannot write the order.
   *
   * @return true when the item's moves are (now, or already were) to be written; false when there are
   *     none (the order was written, or the moves were written already)
   */
  public boolean claim(Map<String, AttributeValue> key) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key)
          .updateExpression("SET #st = :draining")
          .conditionExpression("#st = :pending")
          .expressionAttributeNames(Map.of("#st", "movesState"))
          .expressionAttributeValues(Map.of(":pending", s(PENDING), ":draining", s(DRAINING))));
      return true;
    } catch (ConditionalCheckFailedException notPending) {
      var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
      return item != null && DRAINING.equals(Items.str(item, "movesState"));
    }
  }

  /** A stock row a drain took out of shortage (its other holders' short flags can be cleared). */
  public record Covered(String sku, String warehouse, StockLedger.Levels before, StockLedger.Levels after) {}

  /**
   * Writes every row still pending on the item whose state is {@value #DRAINING}, in transactions of at
   * most {@value #ROWS_PER_TRANSACTION} rows; re-reads and tries again when stock or the item changed
   * (another drain of the same item is safe: each row goes once).
   *
   * @return the rows that left a shortage; empty when there was nothing to write
   */
  public List<Covered> drain(Map<String, AttributeValue> key) {
    List<Covered> covered = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
      if (item == null || !DRAINING.equals(Items.str(item, "movesState"))) {
        return covered;
      }
      Map<String, AttributeValue> pending = item.containsKey("pending") ? item.get("pending").m() : Map.of();
      List<String> names = new ArrayList<>(pending.keySet());
      List<String> chunk = names.subList(0, Math.min(ROWS_PER_TRANSACTION, names.size()));
      boolean last = chunk.size() == names.size();
      try {
        covered.addAll(write(key, item, pending, chunk, last));
        if (last) {
          return covered;
        }
        attempt = 0; // progress: the next chunk has its own attempts
      } catch (TransactionCanceledException changedMeanwhile) {
        if (attempt >= ATTEMPTS) {
          throw changedMeanwhile;
        }
        Retry.backOff(attempt);
      }
    }
  }

  private List<Covered> write(Map<String, AttributeValue> key, Map<String, AttributeValue> item,
      Map<String, AttributeValue> pending, List<String> chunk, boolean last) {
    String orderId = Items.str(item, "orderId");
    boolean consume = CONSUME.equals(Items.str(item, "moves"));
    String number = Items.str(item, "number");
    String actor = Items.str(item, "actor") == null ? "system" : Items.str(item, "actor");
    String reason = Items.str(item, "moveReason");
    Instant now = clock.instant();
    List<Map<String, AttributeValue>> stockKeys = new ArrayList<>();
    for (String name : chunk) {
      Map<String, AttributeValue> row = pending.get(name).m();
      stockKeys.add(TableKeys.stockKey(row.get("sku").s(), row.get("warehouse").s()));
    }
    Map<String, Map<String, AttributeValue>> stock = readStock(stockKeys);
    List<TransactWriteItem> actions = new ArrayList<>();
    List<TransactWriteItem> ledger = new ArrayList<>();
    List<Covered> covered = new ArrayList<>();
    Map<String, String> names = new HashMap<>(Map.of("#st", "movesState", "#p", "pending"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":draining", s(DRAINING)));
    List<String> remove = new ArrayList<>();
    List<String> exist = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Map<String, AttributeValue> row = pending.get(chunk.get(i)).m();
      String sku = row.get("sku").s();
      String warehouse = row.get("warehouse").s();
      long qty = Long.parseLong(row.get("qty").n());
      names.put("#r" + i, chunk.get(i));
      remove.add("#p.#r" + i);
      exist.add("attribute_exists(#p.#r" + i + ")");
      ledger.add(StockLedgerItems.endHold(table, sku, warehouse, orderId, now));
      Map<String, AttributeValue> stockKey = TableKeys.stockKey(sku, warehouse);
      Map<String, AttributeValue> stockItem = stock.get(stockKey.get(TableKeys.PK).s() + "\u0000"
          + stockKey.get(TableKeys.SK).s());
      if (stockItem == null) {
        continue; // no stock item (removed by hand): nothing to move; the hold still ends
      }
      long onHand = Items.num(stockItem, "onHand", 0);
      long reserved = Items.num(stockItem, "reserved", 0);
      StockLedger.Levels from = StockLedger.Levels.of(onHand, reserved);
      StockLedger.Levels to = consume ? StockLedger.consume(onHand, reserved, qty) : StockLedger.release(onHand, reserved, qty);
      if (dev.storeops.catalog.ShortStockPolicy.isShort(from) && !dev.storeops.catalog.ShortStockPolicy.isShort(to)) {
        covered.add(new Covered(sku, warehouse, from, to));
      }
      String why = reason == null ? "order " + number : reason;
      ledger.add(StockLedgerItems.putMovement(table, StockMovement.absolute(now, sku, warehouse,
          consume ? StockMovement.CONSUME : StockMovement.RELEASE, qty, from, to, actor,
          why + (consume ? ": " + qty + " left the warehouse" : ": " + qty + " released"), orderId)));
      Map<String, AttributeValue> v = new HashMap<>(Map.of(":h", Items.n(to.onHand()), ":r", Items.n(to.reserved()),
          ":a", Items.n(to.available()), ":now", s(now.toString())));
      String condition = "attribute_exists(pk) AND "
          + (stockItem.containsKey("onHand") ? "onHand = :hRead" : "attribute_not_exists(onHand)") + " AND "
          + (stockItem.containsKey("reserved") ? "reserved = :rRead" : "attribute_not_exists(reserved)");
      if (stockItem.containsKey("onHand")) {
        v.put(":hRead", stockItem.get("onHand"));
      }
      if (stockItem.containsKey("reserved")) {
        v.put(":rRead", stockItem.get("reserved"));
      }
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(TableKeys.stockKey(sku, warehouse))
          .updateExpression("SET onHand = :h, reserved = :r, available = :a, updatedAt = :now")
          .conditionExpression(condition).expressionAttributeValues(v).build()).build());
    }
    String update = "REMOVE " + String.join(", ", remove);
    if (last) {
      // every move written: the item leaves the due index (kept a week by TTL, not deleted: the public
      // order-api holds no DeleteItem permission)
      update = "SET #ttl = :ttl, movesDoneAt = :done REMOVE #p, #st, moves, moveReason, duePk, dueSk";
      names.put("#ttl", TableKeys.TTL);
      values.put(":ttl", Items.n(now.plus(KEPT).getEpochSecond()));
      values.put(":done", s(now.toString()));
    }
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
        .updateExpression(update)
        .conditionExpression("#st = :draining AND " + String.join(" AND ", exist))
        .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
    actions.addAll(ledger);
    dynamo.transactWriteItems(t -> t.transactItems(actions));
    return covered;
  }

  /**
   * The stock items of the rows (consistent), one GetItem each as the status changes read theirs: this
   * path runs only for large orders and failures, and every function that reaches the order store may
   * run it without a BatchGetItem grant.
   */
  private Map<String, Map<String, AttributeValue>> readStock(List<Map<String, AttributeValue>> keys) {
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    for (Map<String, AttributeValue> key : keys) {
      var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
      if (item != null && !item.isEmpty()) {
        found.put(key.get(TableKeys.PK).s() + "\u0000" + key.get(TableKeys.SK).s(), item);
      }
    }
    return found;
  }
}
