package dev.storeops.ordering.dynamo;

import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.errors.Invalid;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.json.Json;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.OrderStore;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.dynamo.TableKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Orders in the single table (docs/orders.md lists the items and their keys). */
public final class DynamoOrderStore implements OrderStore {
  static final String ORDER_SK = DynamoOrderReader.ORDER_SK;
  private final DynamoDbClient dynamo;
  private final String table;
  private final java.time.Clock clock;
  /** A day the announce cursor is known to be at or before (null: not known yet in this container). */
  private volatile String cursorKnownBy;

  public DynamoOrderStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, java.time.Clock.systemUTC());
  }

  /** With the clock that dates idempotency records and markers (tests and the simulation move it). */
  public DynamoOrderStore(DynamoDbClient dynamo, String table, java.time.Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public static Map<String, AttributeValue> orderKey(String id) {
    return DynamoOrderReader.orderKey(id);
  }

  static Map<String, AttributeValue> idempotencyKey(String keyHash) {
    return TableKeys.primaryKey(TableKeys.IDEMPOTENCY.key(keyHash), "IDEMPOTENCY");
  }


  /** The order item: the order's fields plus keys for GSI1 (customer's orders) and GSI2 (by status). */
  public static Map<String, AttributeValue> toItem(Order o) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.item(o));
    item.putAll(orderKey(o.id()));
    item.put("type", s("Order"));
    item.put(TableKeys.GSI1PK, s(TableKeys.CUSTOMER.key(o.customerId())));
    item.put(TableKeys.GSI1SK, s(TableKeys.orderByTime(o.createdAt(), o.id())));
    item.put(TableKeys.GSI2PK, s(TableKeys.ORDER_STATUS.key(o.status())));
    item.put(TableKeys.GSI2SK, s(o.createdAt() + "#" + o.id()));
    if (o.shortLines().isEmpty()) {
      item.remove("shortLines"); // set and removed only by the short-stock rule (docs/stock-ledger.md)
    }
    return item;
  }

  public static Order fromItem(Map<String, AttributeValue> item) {
    return DynamoOrderReader.fromItem(item);
  }

  @Override
  public Optional<IdempotencyRecord> findIdempotency(String keyHash) {
    return idempotency(dynamo.getItem(g -> g.tableName(table).key(idempotencyKey(keyHash)).consistentRead(true)).item(),
        clock.instant());
  }

  /** An idempotency item as read; an expired one counts as gone (DynamoDB deletes expired items lazily). */
  static Optional<IdempotencyRecord> idempotency(Map<String, AttributeValue> item, Instant now) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    IdempotencyRecord record = Attr.read(item, IdempotencyRecord.class);
    return record.expiresAt() != null && record.expiresAt().isBefore(now) ? Optional.empty() : Optional.of(record);
  }

  @Override
  public void create(Order order, IdempotencyRecord idem) {
    List<Reservation> all = order.reservations();
    int lastFits = dev.storeops.ordering.OrderLimits.reservationsInOneTransaction(order.cartId() != null,
        order.promo() != null);
    if (all.size() <= lastFits) {
      createLast(order, idem, all, false);
      return;
    }
    // more reservations than one transaction holds (docs/orders.md, "40 lines do not fit one
    // transaction"): the first ones go ahead in their own transactions, listed as a pending intake on the
    // order's announce item (due in 5 minutes: the sweeper releases them if no order follows); the last
    // transaction writes the rest with the order and clears the list
    List<Reservation> ahead = all.subList(0, all.size() - lastFits);
    List<Reservation> last = all.subList(all.size() - lastFits, all.size());
    announce(AnnounceItems.dueAt(order));
    int per = PendingStockMoves.ROWS_PER_TRANSACTION;
    for (int from = 0; from < ahead.size(); from += per) {
      List<Reservation> chunk = ahead.subList(from, Math.min(ahead.size(), from + per));
      List<TransactWriteItem> actions = new ArrayList<>();
      for (Reservation r : chunk) {
        actions.add(TransactWriteItem.builder().update(reserve(table, r, order.createdAt())).build());
      }
      if (from == 0) {
        Map<String, AttributeValue> item = new HashMap<>(AnnounceItems.item(order));
        item.putAll(PendingStockMoves.attributes(PendingStockMoves.PENDING, PendingStockMoves.RELEASE, chunk,
            order.number(), order.createdBy(), "order " + order.number() + " not placed"));
        actions.add(put(item));
      } else {
        actions.add(TransactWriteItem.builder().update(PendingStockMoves.addRows(table, AnnounceItems.key(order.id()),
            chunk)).build());
      }
      for (Reservation r : chunk) {
        actions.add(StockLedgerItems.putHold(table, r, order.id(), order.managerId(), order.createdAt()));
        actions.add(StockLedgerItems.putMovement(table,
            StockMovement.reserve(order.createdAt(), r, order.id(), order.number(), order.createdBy())));
      }
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions));
      } catch (TransactionCanceledException e) {
        if (from > 0) {
          releasePending(order.id());
        }
        throw aheadFailure(e.cancellationReasons(), chunk);
      } catch (RuntimeException e) {
        if (from > 0) {
          releasePending(order.id());
        }
        throw e;
      }
    }
    try {
      createLast(order, idem, last, true);
    } catch (RuntimeException e) {
      // stock taken meanwhile, a used key, a lost answer: the first transactions' holds go back at once
      // (extra calls only on failure); if the last one did commit, the claim finds nothing pending
      releasePending(order.id());
      throw e;
    }
  }

  /** Releases a pending intake's reservations now (compensation); nothing when its order was written. */
  private void releasePending(String orderId) {
    PendingStockMoves moves = new PendingStockMoves(dynamo, table, clock);
    if (moves.claim(AnnounceItems.key(orderId))) {
      moves.drain(AnnounceItems.key(orderId));
    }
  }

  private static CreateFailed aheadFailure(List<CancellationReason> reasons, List<Reservation> chunk) {
    if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
      return new CreateFailed(CreateFailed.Reason.CONTENTION, List.of());
    }
    List<Reservation> short_ = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      if (failed(reasons, i)) {
        short_.add(chunk.get(i));
      }
    }
    return new CreateFailed(short_.isEmpty() ? CreateFailed.Reason.NUMBER_TAKEN : CreateFailed.Reason.STOCK, short_);
  }

  /**
   * The order's (last) transaction: the order, its idempotency record, number claim, cart, the given
   * reservations with their holds and journal entries, the promo use and the announce item — put, or,
   * after a pending intake ({@code afterPending}), updated to clear the intake's list (conditioned on it
   * not being claimed for release).
   */
  private void createLast(Order order, IdempotencyRecord idem, List<Reservation> reservations, boolean afterPending) {
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(put(toItem(order)));
    Map<String, AttributeValue> idemItem = new HashMap<>(Attr.item(idem));
    idemItem.putAll(idempotencyKey(idem.keyHash()));
    idemItem.put("type", s("Idempotency"));
    idemItem.put(TableKeys.TTL, Items.n(idem.expiresAt().getEpochSecond()));
    actions.add(put(idemItem));
    actions.add(put(Map.of(TableKeys.PK, s(TableKeys.ORDER_NUMBER.key(order.number())), TableKeys.SK, s("ORDERNO"),
        "type", s("OrderNumber"), "orderId", s(order.id()))));
    boolean cart = order.cartId() != null;
    if (cart) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(DynamoCartStore.key(order.cartId()))
          .updateExpression("SET #s = :ordered, orderId = :o, updatedAt = :now REMOVE gsi2pk, gsi2sk, duePk, dueSk")
          .conditionExpression("attribute_exists(pk) AND #s = :open")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":ordered", s("ORDERED"), ":open", s("OPEN"),
              ":o", s(order.id()), ":now", s(order.createdAt().toString())))
          .build()).build());
    }
    for (Reservation r : reservations) {
      actions.add(TransactWriteItem.builder().update(reserve(table, r, order.createdAt())).build());
    }
    // after the reservations (their indexes name the short lines): each one's hold and journal entry
    for (Reservation r : reservations) {
      actions.add(StockLedgerItems.putHold(table, r, order.id(), order.managerId(), order.createdAt()));
      actions.add(StockLedgerItems.putMovement(table,
          StockMovement.reserve(order.createdAt(), r, order.id(), order.number(), order.createdBy())));
    }
    // the promo code's use, in the same transaction: no double spend under concurrency (docs/money.md)
    int promoFrom = actions.size();
    if (order.promo() != null) {
      actions.addAll(PromoItems.use(table, order));
    }
    int promoTo = actions.size();
    // stored and announced together: the announce item is swept if OrderCreated never completes (AnnounceOrders)
    int announceIndex = actions.size();
    if (afterPending) {
      actions.add(TransactWriteItem.builder().update(PendingStockMoves.clearCondition(table,
          AnnounceItems.key(order.id()))).build());
    } else {
      announce(AnnounceItems.dueAt(order));
      actions.add(put(AnnounceItems.item(order)));
    }
    try {
      dynamo.transactWriteItems(t -> t.transactItems(actions));
    } catch (TransactionCanceledException e) {
      for (int i = promoFrom; i < promoTo; i++) {
        if (failed(e.cancellationReasons(), i) && !failed(e.cancellationReasons(), 1)) {
          throw new CreateFailed(CreateFailed.Reason.PROMO_USED, List.of());
        }
      }
      if (afterPending && failed(e.cancellationReasons(), announceIndex)) {
        // the pending intake was claimed for release (its sweeper ran first): try again as a new order
        throw new CreateFailed(CreateFailed.Reason.CONTENTION, List.of());
      }
      throw failure(e.cancellationReasons(), cart, reservations);
    }
  }

  /**
   * Lowers the announce kind's due cursor to the item's day, once per container and day: the cursor is
   * never moved past the scanner's today (DueWorkStore), and an announce item is due after its order's
   * today, so once this container saw the cursor at or before a day, every later item due that day or
   * after is behind it — the UpdateItem is skipped (one round trip less per order).
   */
  private void announce(Instant dueAt) {
    String day = dev.storeops.platform.dynamo.DueWork.day(dueAt).toString();
    String known = cursorKnownBy;
    if (known != null && known.compareTo(day) <= 0) {
      return;
    }
    new DueWorkStore(dynamo, table, clock).announce(OrderAnnouncements.KIND, dueAt);
    cursorKnownBy = day;
  }

  /** The reservation of one line in one warehouse: only while enough is available. */
  public static Update reserve(String table, Reservation r, Instant at) {
    return Update.builder().tableName(table).key(TableKeys.stockKey(r.sku(), r.warehouse()))
        .updateExpression("SET available = available - :q, reserved = reserved + :q, updatedAt = :now")
        .conditionExpression("available >= :q")
        .expressionAttributeValues(Map.of(":q", Items.n(r.qty()), ":now", s(at.toString())))
        .build();
  }

  private static CreateFailed failure(List<CancellationReason> reasons, boolean cart, List<Reservation> reservations) {
    if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
      return new CreateFailed(CreateFailed.Reason.CONTENTION, List.of());
    }
    if (failed(reasons, 1)) {
      return new CreateFailed(CreateFailed.Reason.IDEMPOTENCY_KEY_USED, List.of());
    }
    if (failed(reasons, 0) || failed(reasons, 2)) {
      return new CreateFailed(CreateFailed.Reason.NUMBER_TAKEN, List.of());
    }
    if (cart && failed(reasons, 3)) {
      return new CreateFailed(CreateFailed.Reason.CART_CLOSED, List.of());
    }
    int first = cart ? 4 : 3;
    List<Reservation> short_ = new ArrayList<>();
    for (int i = 0; i < reservations.size(); i++) {
      if (failed(reasons, first + i)) {
        short_.add(reservations.get(i));
      }
    }
    return new CreateFailed(short_.isEmpty() ? CreateFailed.Reason.CONTENTION : CreateFailed.Reason.STOCK, short_);
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  @Override
  public Optional<Order> find(String id) {
    var item = dynamo.getItem(g -> g.tableName(table).key(orderKey(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<Order> ordersOfCustomer(String customerId) {
    return customerItems(customerId).stream().map(DynamoOrderStore::fromItem).toList();
  }

  @Override
  public List<CustomerOrder> customerOrders(String customerId) {
    return customerItems(customerId).stream().map(i -> new CustomerOrder(fromItem(i), returnRefunds(i))).toList();
  }

  /** The refund of each of the item's returns ({@code returns[].refund}: amount and status; docs/returns.md). */
  static List<dev.storeops.ordering.ReceivedMoneyPolicy.ReturnRefund> returnRefunds(Map<String, AttributeValue> item) {
    AttributeValue returns = item.get("returns");
    if (returns == null || !returns.hasL()) {
      return List.of();
    }
    List<dev.storeops.ordering.ReceivedMoneyPolicy.ReturnRefund> out = new ArrayList<>();
    for (AttributeValue r : returns.l()) {
      AttributeValue refund = r.hasM() ? r.m().get("refund") : null;
      if (refund != null && refund.hasM()) {
        out.add(new dev.storeops.ordering.ReceivedMoneyPolicy.ReturnRefund(Items.num(refund.m(), "amountMinor", 0),
            Items.str(refund.m(), "status")));
      }
    }
    return out;
  }

  private List<Map<String, AttributeValue>> customerItems(String customerId) {
    List<Map<String, AttributeValue>> orders = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      var builder = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
          .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.CUSTOMER.key(customerId)), ":prefix", s(TableKeys.ORDER.text())))
          .scanIndexForward(false);
      if (start != null) {
        builder.exclusiveStartKey(start);
      }
      QueryResponse page = dynamo.query(builder.build());
      orders.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return orders;
  }

  @Override
  public Page byStatus(OrderStatus status, String managerId, int limit, String cursor) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", s(TableKeys.ORDER_STATUS.key(status)));
    var builder = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI2)
        .keyConditionExpression("gsi2pk = :pk").scanIndexForward(false).limit(limit);
    if (managerId != null) {
      builder.filterExpression("managerId = :m");
      values.put(":m", s(managerId));
    }
    if (cursor != null) {
      builder.exclusiveStartKey(decodeCursor(cursor));
    }
    QueryResponse page = dynamo.query(builder.expressionAttributeValues(values).build());
    String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? encodeCursor(page.lastEvaluatedKey()) : null;
    return new Page(page.items().stream().map(DynamoOrderStore::fromItem).toList(), next);
  }

  static String encodeCursor(Map<String, AttributeValue> key) {
    return PageCursor.encode(key);
  }

  static Map<String, AttributeValue> decodeCursor(String cursor) {
    return PageCursor.decode(cursor, List.of(TableKeys.PK, TableKeys.SK, TableKeys.GSI2PK, TableKeys.GSI2SK));
  }

  @Override
  public boolean assignManager(Order order, String managerId) {
    if (!order.status().open()) {
      return false; // closed before it was announced: nobody's open order
    }
    String now = clock.instant().toString();
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          // conditioned on the status as read and bumping rev: a cancellation that read the order before
          // the manager was set is decided again and takes the count off the manager (never one too many)
          TransactWriteItem.builder().update(Update.builder().tableName(table).key(orderKey(order.id()))
              .updateExpression("SET managerId = :m, updatedAt = :now ADD rev :one")
              .conditionExpression("attribute_exists(pk) AND attribute_not_exists(managerId) AND #status = :status")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(Map.of(":m", s(managerId), ":now", s(now), ":one", Items.n(1),
                  ":status", s(order.status().name()))).build()).build(),
          TransactWriteItem.builder().update(Update.builder().tableName(table)
              .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(order.customerId()), "PROFILE"))
              .updateExpression("SET managerId = :m")
              .conditionExpression("attribute_exists(pk)")
              .expressionAttributeValues(Map.of(":m", s(managerId))).build()).build(),
          TransactWriteItem.builder().update(Update.builder().tableName(table)
              .key(TableKeys.primaryKey(TableKeys.MANAGER.key(managerId), "MANAGER"))
              .updateExpression("ADD openOrders :one")
              .conditionExpression("attribute_exists(pk)")
              .expressionAttributeValues(Map.of(":one", Items.n(1))).build()).build()));
      return true;
    } catch (TransactionCanceledException e) {
      if (failed(e.cancellationReasons(), 0)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean reassignManager(Order order, String newManagerId) {
    return reassignManager(order, newManagerId, true, true);
  }

  /** With the customer's and the old manager's items left out when they are gone (an erased customer, a removed manager). */
  private boolean reassignManager(Order order, String newManagerId, boolean customer, boolean oldManager) {
    String now = Instant.now().toString();
    String old = order.managerId();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":m", s(newManagerId), ":now", s(now),
        ":one", Items.n(1), ":status", s(order.status().name())));
    String managerCondition = "attribute_not_exists(managerId)";
    if (old != null) {
      managerCondition = "managerId = :old";
      values.put(":old", s(old));
    }
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(orderKey(order.id()))
        .updateExpression("SET managerId = :m, updatedAt = :now ADD rev :one")
        .conditionExpression("attribute_exists(pk) AND #status = :status AND " + managerCondition)
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(values).build()).build());
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
        .key(TableKeys.primaryKey(TableKeys.MANAGER.key(newManagerId), "MANAGER"))
        .updateExpression("ADD openOrders :one")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":one", Items.n(1))).build()).build());
    int oldIndex = -1;
    if (old != null && oldManager) {
      oldIndex = actions.size();
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(TableKeys.primaryKey(TableKeys.MANAGER.key(old), "MANAGER"))
          .updateExpression("ADD openOrders :minus")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":minus", Items.n(-1))).build()).build());
    }
    int customerIndex = -1;
    if (customer && order.customerId() != null) {
      customerIndex = actions.size();
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(order.customerId()), "PROFILE"))
          .updateExpression("SET managerId = :m")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":m", s(newManagerId))).build()).build());
    }
    try {
      dynamo.transactWriteItems(t -> t.transactItems(actions));
      return true;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0) || reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
        return false;
      }
      if (failed(reasons, 1)) {
        throw new dev.storeops.platform.errors.NotFound("Manager " + newManagerId);
      }
      if (failed(reasons, oldIndex) || failed(reasons, customerIndex)) {
        return reassignManager(order, newManagerId, customer && !failed(reasons, customerIndex),
            oldManager && !failed(reasons, oldIndex));
      }
      throw e;
    }
  }

  @Override
  public boolean markOnce(String orderId, String marker) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(orderKey(orderId))
          .updateExpression("SET #m = :now")
          .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#m)")
          .expressionAttributeNames(Map.of("#m", marker))
          .expressionAttributeValues(Map.of(":now", s(clock.instant().toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void mark(String orderId, java.util.Set<String> markers) {
    if (markers.isEmpty()) {
      return;
    }
    Map<String, String> names = new java.util.HashMap<>();
    List<String> sets = new ArrayList<>();
    for (String marker : markers) {
      String name = "#m" + names.size();
      names.put(name, marker);
      sets.add(name + " = if_not_exists(" + name + ", :now)");
    }
    dynamo.updateItem(u -> u.tableName(table).key(orderKey(orderId))
        .updateExpression("SET " + String.join(", ", sets))
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeNames(names)
        .expressionAttributeValues(Map.of(":now", s(clock.instant().toString()))));
  }

  @Override
  public Optional<Marked> findMarked(String id, java.util.Set<String> markers) {
    var item = dynamo.getItem(g -> g.tableName(table).key(orderKey(id)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Marked(fromItem(item), markers.stream().filter(item::containsKey)
        .collect(java.util.stream.Collectors.toUnmodifiableSet())));
  }

  @Override
  public boolean hasMarker(String orderId, String marker) {
    var item = dynamo.getItem(g -> g.tableName(table).key(orderKey(orderId)).consistentRead(true)
        .projectionExpression("#m").expressionAttributeNames(Map.of("#m", marker))).item();
    return item != null && item.containsKey(marker);
  }
}
