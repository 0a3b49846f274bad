package dev.storeops.fulfilment.dynamo;

import dev.storeops.platform.dynamo.Attr;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.json.Json;
import dev.storeops.ordering.Order;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.ordering.StatusChange;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.ordering.dynamo.PendingStockMoves;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.fulfilment.OrderChange;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.UnpaidPrepaymentPolicy;
import dev.storeops.fulfilment.OrderFlowStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The payment and follow-up rules' writes on the order item (docs/payments.md): one
 * TransactWriteItems per change — the order update conditioned on its status and {@code rev}, the
 * stock releases of a cancellation or consumption of a shipment (absolute values conditioned on the
 * stock as read, docs/stock-ledger.md), the manager's open-order count, the provider event claim.
 */
public final class DynamoOrderFlowStore implements OrderFlowStore {
  private static final dev.storeops.platform.log.Log LOG = dev.storeops.platform.log.Log.get(DynamoOrderFlowStore.class);
  /** How long a provider event id is remembered (the provider retries for days, not months). */
  static final Duration EVENT_TTL = Duration.ofDays(90);
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;
  private final Clock clock;

  private final FlagShortOrders shortOrders;

  public DynamoOrderFlowStore(DynamoDbClient dynamo, String table, DueWorkStore due, Clock clock) {
    this(dynamo, table, due, clock, null);
  }

  /** @param shortOrders clears the short flag of the other holders when a release or shipment covers their holds again */
  public DynamoOrderFlowStore(DynamoDbClient dynamo, String table, DueWorkStore due, Clock clock,
      FlagShortOrders shortOrders) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
    this.clock = clock;
    this.shortOrders = shortOrders;
  }

  /** A stock row a release or shipment took out of shortage: its other holders' flags are cleared after the write. */
  private record Covered(String sku, String warehouse, StockLedger.Levels before, StockLedger.Levels after) {}

  static Map<String, AttributeValue> eventKey(String eventId) {
    return TableKeys.primaryKey(TableKeys.PAYMENT_EVENT.key(eventId), "PAYMENTEVENT");
  }

  @Override
  public Optional<OrderFile> find(String orderId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(DynamoOrderStore.orderKey(orderId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @SuppressWarnings("unchecked")
  static OrderFile fromItem(Map<String, AttributeValue> item) {
    Order order = DynamoOrderStore.fromItem(item);
    return new OrderFile(order, Items.num(item, "rev", 0), (int) Items.num(item, "noAnswerCalls", 0),
        Items.str(item, "paymentStage"), Items.instant(item, "paymentDueAt"), Items.str(item, TableKeys.DUE_SK),
        item.containsKey("payments") ? (List<Map<String, Object>>) Attr.java(item.get("payments")) : List.of(),
        item.containsKey("calls") ? (List<Map<String, Object>>) Attr.java(item.get("calls")) : List.of(),
        Items.str(item, "flag"),
        item.containsKey("shipment") ? (Map<String, Object>) Attr.java(item.get("shipment")) : null,
        item.containsKey("refusal") ? (Map<String, Object>) Attr.java(item.get("refusal")) : null,
        item.containsKey("returns") ? (List<Map<String, Object>>) Attr.java(item.get("returns")) : List.of());
  }

  @Override
  public boolean eventSeen(String eventId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(eventKey(eventId)).consistentRead(true)).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public Result apply(OrderChange c) {
    return apply(c, true, true);
  }

  private Result apply(OrderChange c, boolean countManager, boolean restorePromo) {
    OrderFile before = c.before();
    Order o = before.order();
    if (c.due() != null) {
      due.announce(UnpaidPrepaymentPolicy.PAYMENT_DUE, c.due().at());
    }
    List<TransactWriteItem> actions = new ArrayList<>();
    if (c.claimEventId() != null) {
      Map<String, AttributeValue> event = new HashMap<>(eventKey(c.claimEventId()));
      event.put("type", s("PaymentEvent"));
      event.put("orderId", s(o.id()));
      event.put("receivedAt", s(c.at().toString()));
      event.put(TableKeys.TTL, Items.n(clock.instant().plus(EVENT_TTL).getEpochSecond()));
      actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(event)
          .conditionExpression("attribute_not_exists(pk)").build()).build());
    }
    actions.add(TransactWriteItem.builder().update(orderUpdate(c)).build());
    if (c.call() != null && o.customerId() != null) {
      // the call in the customer's time-ordered history, written with it (ContactHistoryEntries)
      Object at = c.call().get("at");
      actions.add(dev.storeops.platform.dynamo.ContactHistoryEntries.put(table,
          dev.storeops.platform.dynamo.ContactHistoryEntries.item(o.customerId(),
              dev.storeops.platform.dynamo.ContactHistoryEntries.CALL, o.id() + "#" + c.call().get("id"),
              at == null ? c.at() : java.time.Instant.parse(at.toString()), DynamoOrderStore.orderKey(o.id()), null)));
    }
    int stockFrom = actions.size();
    List<TransactWriteItem> ledger = new ArrayList<>();
    List<Covered> covered = new ArrayList<>();
    boolean manager = countManager && c.closesForManager() && o.managerId() != null;
    // a large order's release or shipment may not fit one transaction with its status change (3 actions
    // per stock row): the rows beyond it are listed on a pending-moves item written with the change and
    // written right after it (docs/orders.md, "40 lines do not fit one transaction")
    int others = actions.size() + (manager ? 1 : 0)
        + (restorePromo && c.releasesStock() && o.promo() != null ? OrderLimits.PROMO_ACTIONS : 0)
        + (c.consumesStock() && c.shipment() != null ? 1 : 0) + 1;
    int maxRows = (OrderLimits.TRANSACTION_LIMIT - others) / OrderLimits.ACTIONS_PER_RESERVATION;
    List<Reservation> deferred = new ArrayList<>();
    actions.addAll(stockMovements(c, ledger, covered, maxRows, deferred));
    actions.addAll(returnMovements(c, ledger));
    int stockTo = actions.size();
    Map<String, AttributeValue> movesKey = null;
    if (!deferred.isEmpty()) {
      movesKey = TableKeys.primaryKey(TableKeys.ORDER.key(o.id()), "STOCKMOVES#" + (before.rev() + 1));
      java.time.Instant dueAt = c.at().plus(dev.storeops.ordering.AnnounceOrders.GRACE);
      due.announce(dev.storeops.ordering.OrderAnnouncements.KIND, dueAt);
      StatusChange step = c.added().isEmpty() ? null : c.added().get(c.added().size() - 1);
      boolean release = c.releasesStock();
      Map<String, AttributeValue> item = new HashMap<>(movesKey);
      item.put("type", s("PendingStockMoves"));
      item.put("orderId", s(o.id()));
      item.put("createdAt", s(c.at().toString()));
      item.putAll(DueWorkStore.dueAttributes(dev.storeops.ordering.OrderAnnouncements.KIND, dueAt,
          o.id() + "#moves"));
      item.putAll(PendingStockMoves.attributes(PendingStockMoves.DRAINING, release ? "release" : "consume",
          deferred, o.number(), step == null ? "system" : step.by(), release
              ? "order " + o.number() + " cancelled" + (step == null || step.reasonKind() == null ? "" : " (" + step.reasonKind() + ")")
              : "order " + o.number() + " shipped"));
      actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)").build()).build());
    }
    int managerIndex = actions.size();
    if (manager) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(TableKeys.primaryKey(TableKeys.MANAGER.key(o.managerId()), "MANAGER"))
          .updateExpression("ADD openOrders :minus")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":minus", Items.n(-1))).build()).build());
    }
    // a cancellation (always before shipping) gives the promo code's use back (docs/money.md)
    int promoFrom = actions.size();
    if (restorePromo && c.releasesStock() && o.promo() != null) {
      actions.addAll(PromoItems.release(table, o, c.at()));
    }
    int promoTo = actions.size();
    // a shipment files the parcel under its carrier and tracking number (docs/carriers.md): unconditional
    TransactWriteItem parcel = c.consumesStock() && c.shipment() != null ? DynamoParcelStore.shipped(table,
        String.valueOf(c.shipment().get("carrier")), String.valueOf(c.shipment().get("trackingNumber")), o.id(),
        c.at()) : null;
    if (parcel != null) {
      if (DynamoParcelStore.polled(String.valueOf(c.shipment().get("carrier")))) {
        due.announce(dev.storeops.fulfilment.carriers.ParcelStore.KIND, c.at());
      }
      actions.add(parcel);
    }
    // the holds end and the journal records the movement, in the same transaction (never fail: last)
    actions.addAll(ledger);
    try {
      dynamo.transactWriteItems(t -> t.transactItems(actions));
      if (movesKey != null) {
        try {
          for (PendingStockMoves.Covered k : new PendingStockMoves(dynamo, table, clock).drain(movesKey)) {
            covered.add(new Covered(k.sku(), k.warehouse(), k.before(), k.after()));
          }
        } catch (RuntimeException e) {
          // the change is made; the announce sweeper writes the listed moves within minutes
          LOG.warn("pending stock moves left to the sweeper", "orderId", o.id(), "error", e.toString());
        }
      }
      if (shortOrders != null) {
        for (Covered k : covered) {
          shortOrders.afterCount(k.sku(), k.warehouse(), k.before(), k.after(), ShortStockPolicy.Source.STAFF, "system");
        }
      }
      return Result.APPLIED;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (c.claimEventId() != null && failed(reasons, 0)) {
        return Result.DUPLICATE_EVENT;
      }
      int orderIndex = c.claimEventId() != null ? 1 : 0;
      // a stock item changed since it was read (an import, a staff edit, another order) is a conflict
      // like a changed order: read again and decide again
      boolean stockChanged = false;
      for (int i = stockFrom; i < stockTo; i++) {
        stockChanged |= failed(reasons, i);
      }
      boolean conflict = failed(reasons, orderIndex) || stockChanged
          || reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
      if (conflict) {
        return Result.CONFLICT;
      }
      if (manager && failed(reasons, managerIndex)) {
        // the manager item is gone: the order's change must not depend on the load counter
        return apply(c, false, restorePromo);
      }
      for (int i = promoFrom; i < promoTo; i++) {
        if (failed(reasons, i)) {
          // the code is gone (expired and deleted) or its use was given back already: the cancellation
          // must not depend on it
          LOG.info("promo use not restored", "orderId", o.id(), "code", o.promo().code());
          return apply(c, countManager, false);
        }
      }
      throw e;
    }
  }

  /**
   * The stock side of a change (docs/stock-ledger.md): a cancellation releases and a shipment
   * consumes each of the order's reservations. DynamoDB has no max(), so the stock items are read
   * (consistent) and the absolute values of {@link StockLedger} are written, conditioned on
   * {@code onHand} and {@code reserved} as read.
   */
  private List<TransactWriteItem> stockMovements(OrderChange c, List<TransactWriteItem> ledger, List<Covered> covered,
      int maxRows, List<Reservation> deferred) {
    boolean release = c.releasesStock();
    boolean consume = c.consumesStock();
    if (!release && !consume) {
      return List.of();
    }
    Order order = c.before().order();
    StatusChange step = c.added().isEmpty() ? null : c.added().get(c.added().size() - 1);
    String actor = step == null ? "system" : step.by();
    // one action per stock item (a transaction may not touch an item twice)
    Map<List<String>, Long> qty = new LinkedHashMap<>();
    for (Reservation r : c.before().order().reservations()) {
      qty.merge(List.of(r.sku(), r.warehouse()), (long) r.qty(), Long::sum);
    }
    List<TransactWriteItem> actions = new ArrayList<>();
    // more rows than fit beside the change: the first rows of the rest are deferred (written right after)
    int deferFrom = qty.size() > maxRows ? maxRows : qty.size();
    int row = 0;
    for (var e : qty.entrySet()) {
      String sku = e.getKey().get(0);
      String warehouse = e.getKey().get(1);
      if (row++ >= deferFrom) {
        deferred.add(new Reservation(sku, warehouse, e.getValue().intValue()));
        continue;
      }
      Map<String, AttributeValue> key = TableKeys.stockKey(sku, warehouse);
      ledger.add(StockLedgerItems.endHold(table, sku, warehouse, order.id(), c.at()));
      var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
      if (item == null || item.isEmpty()) {
        // nothing to release or consume; the write still requires that it is missing
        actions.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
            .conditionExpression("attribute_not_exists(pk)").build()).build());
        continue;
      }
      long onHand = Items.num(item, "onHand", 0);
      long reserved = Items.num(item, "reserved", 0);
      StockLedger.Levels to = release ? StockLedger.release(onHand, reserved, e.getValue())
          : StockLedger.consume(onHand, reserved, e.getValue());
      String why = release
          ? "order " + order.number() + " cancelled" + (step == null || step.reasonKind() == null ? "" : " (" + step.reasonKind() + ")")
              + ": " + e.getValue() + " released"
          : "order " + order.number() + " shipped: " + e.getValue() + " left the warehouse";
      StockLedger.Levels from = StockLedger.Levels.of(onHand, reserved);
      if (ShortStockPolicy.isShort(from) && !ShortStockPolicy.isShort(to)) {
        covered.add(new Covered(sku, warehouse, from, to));
      }
      ledger.add(StockLedgerItems.putMovement(table, StockMovement.absolute(c.at(), sku, warehouse,
          release ? StockMovement.RELEASE : StockMovement.CONSUME, e.getValue(), StockLedger.Levels.of(onHand, reserved),
          to, actor, why, order.id())));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":h", Items.n(to.onHand()),
          ":r", Items.n(to.reserved()), ":a", Items.n(to.available()), ":now", s(c.at().toString())));
      String condition = "attribute_exists(pk) AND "
          + (item.containsKey("onHand") ? "onHand = :hRead" : "attribute_not_exists(onHand)") + " AND "
          + (item.containsKey("reserved") ? "reserved = :rRead" : "attribute_not_exists(reserved)");
      if (item.containsKey("onHand")) {
        values.put(":hRead", item.get("onHand"));
      }
      if (item.containsKey("reserved")) {
        values.put(":rRead", item.get("reserved"));
      }
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
          .updateExpression("SET onHand = :h, reserved = :r, available = :a, updatedAt = :now")
          .conditionExpression(condition).expressionAttributeValues(values).build()).build());
    }
    return actions;
  }

  /**
   * Returned units (docs/returns.md): per SKU × warehouse one stock update for the units put back
   * ({@code onHand += q}, absolute values conditioned on the stock as read) and one journal entry per
   * movement — {@code return-to-stock}, or {@code write-off} with the levels unchanged (the unit left the
   * warehouse when the order shipped and does not come back usable).
   */
  private List<TransactWriteItem> returnMovements(OrderChange c, List<TransactWriteItem> ledger) {
    if (c.stockReturns().isEmpty()) {
      return List.of();
    }
    Map<List<String>, List<OrderChange.StockReturn>> byRow = new LinkedHashMap<>();
    for (OrderChange.StockReturn r : c.stockReturns()) {
      byRow.computeIfAbsent(List.of(r.sku(), r.warehouse()), k -> new ArrayList<>()).add(r);
    }
    String orderId = c.before().order().id();
    List<TransactWriteItem> actions = new ArrayList<>();
    for (var e : byRow.entrySet()) {
      String sku = e.getKey().get(0);
      String warehouse = e.getKey().get(1);
      Map<String, AttributeValue> key = TableKeys.stockKey(sku, warehouse);
      var item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
      boolean exists = item != null && !item.isEmpty();
      long onHand = exists ? Items.num(item, "onHand", 0) : 0;
      long reserved = exists ? Items.num(item, "reserved", 0) : 0;
      StockLedger.Levels levels = StockLedger.Levels.of(onHand, reserved);
      long restocked = 0;
      for (OrderChange.StockReturn r : e.getValue()) {
        StockLedger.Levels to = StockMovement.RETURN_TO_STOCK.equals(r.movement())
            ? StockLedger.restock(levels.onHand(), levels.reserved(), r.qty())
            : StockLedger.writeOff(levels.onHand(), levels.reserved());
        ledger.add(StockLedgerItems.putMovement(table, StockMovement.absolute(c.at(), sku, warehouse, r.movement(),
            r.qty(), levels, to, r.actor(), r.reason(), orderId)));
        restocked += to.onHand() - levels.onHand();
        levels = to;
      }
      if (restocked == 0) {
        continue; // only write-offs: the stock item stays as it is
      }
      StockLedger.Levels to = levels;
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":h", Items.n(to.onHand()),
          ":r", Items.n(to.reserved()), ":a", Items.n(to.available()), ":now", s(c.at().toString())));
      String condition;
      if (!exists) {
        condition = "attribute_not_exists(pk)";
        values.put(":sku", s(sku));
        values.put(":wh", s(warehouse));
        values.put(":type", s("Stock"));
      } else {
        condition = "attribute_exists(pk) AND "
            + (item.containsKey("onHand") ? "onHand = :hRead" : "attribute_not_exists(onHand)") + " AND "
            + (item.containsKey("reserved") ? "reserved = :rRead" : "attribute_not_exists(reserved)");
        if (item.containsKey("onHand")) {
          values.put(":hRead", item.get("onHand"));
        }
        if (item.containsKey("reserved")) {
          values.put(":rRead", item.get("reserved"));
        }
      }
      String update = "SET onHand = :h, reserved = :r, available = :a, updatedAt = :now"
          + (exists ? "" : ", sku = :sku, warehouse = :wh, #type = :type") + StockLedgerItems.listed(values, sku, warehouse);
      Update.Builder u = Update.builder().tableName(table).key(key).updateExpression(update)
          .conditionExpression(condition).expressionAttributeValues(values);
      if (!exists) {
        u.expressionAttributeNames(Map.of("#type", "type"));
      }
      actions.add(TransactWriteItem.builder().update(u.build()).build());
    }
    return actions;
  }

  private Update orderUpdate(OrderChange c) {
    OrderFile before = c.before();
    Order after = c.after();
    List<String> set = new ArrayList<>(List.of("rev = :rev", "updatedAt = :now"));
    List<String> remove = new ArrayList<>();
    Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":rev", Items.n(before.rev() + 1));
    values.put(":now", s(c.at().toString()));
    values.put(":from", s(before.order().status().name()));
    if (c.statusChanged()) {
      set.add("#status = :to");
      set.add("gsi2pk = :gsi2pk");
      set.add("statusHistory = list_append(statusHistory, :history)");
      values.put(":to", s(after.status().name()));
      values.put(":gsi2pk", s(TableKeys.ORDER_STATUS.key(after.status())));
      values.put(":history", Attr.of(Json.mapper().convertValue(c.added(), List.class)));
    }
    if (c.payment() != null || c.call() != null) {
      values.put(":empty", AttributeValue.fromL(List.of()));
    }
    if (c.payment() != null) {
      set.add("payments = list_append(if_not_exists(payments, :empty), :payment)");
      values.put(":payment", AttributeValue.fromL(List.of(Attr.of(c.payment()))));
    }
    if (c.call() != null) {
      set.add("calls = list_append(if_not_exists(calls, :empty), :call)");
      values.put(":call", AttributeValue.fromL(List.of(Attr.of(c.call()))));
    }
    if (c.noAnswerCalls() != null) {
      set.add("noAnswerCalls = :noAnswer");
      values.put(":noAnswer", Items.n(c.noAnswerCalls()));
    }
    if (c.flag() != null) {
      set.add("flag = :flag");
      set.add("flaggedAt = :now");
      values.put(":flag", s(c.flag()));
    }
    if (c.releasesStock() || c.consumesStock()) {
      // an order that holds no more stock is short of nothing (docs/stock-ledger.md)
      remove.addAll(List.of("#short", "shortLines"));
      names.put("#short", "short");
    }
    if (c.shipment() != null) {
      set.add("shipment = :shipment");
      values.put(":shipment", Attr.of(c.shipment()));
    }
    if (c.refusal() != null) {
      set.add("refusal = :refusal");
      values.put(":refusal", Attr.of(c.refusal()));
    }
    if (c.returnAdded() != null) {
      set.add("#returns = list_append(if_not_exists(#returns, :noReturns), :return)");
      names.put("#returns", "returns");
      values.put(":noReturns", AttributeValue.fromL(List.of()));
      values.put(":return", AttributeValue.fromL(List.of(Attr.of(c.returnAdded()))));
    }
    if (c.returnReplaced() != null) {
      set.add("#returns[" + c.returnIndex() + "] = :replaced");
      names.put("#returns", "returns");
      values.put(":replaced", Attr.of(c.returnReplaced()));
    }
    if (c.cancelReason() != null) {
      set.add("cancelReason = :cancelReason");
      values.put(":cancelReason", s(c.cancelReason()));
    }
    if (c.due() != null) {
      String id = after.id();
      set.add("duePk = :duePk");
      set.add("dueSk = :dueSk");
      set.add("paymentStage = :stage");
      set.add("paymentDueAt = :dueAt");
      values.put(":duePk", s(DueWork.partition(UnpaidPrepaymentPolicy.PAYMENT_DUE, c.due().at())));
      values.put(":dueSk", s(DueWork.sortKey(c.due().at(), id)));
      values.put(":stage", s(c.due().stage()));
      values.put(":dueAt", s(c.due().at().toString()));
    } else if (c.removesDue()) {
      remove.addAll(List.of("duePk", "dueSk", "paymentStage", "paymentDueAt"));
    }
    String condition = "attribute_exists(pk) AND #status = :from AND ";
    if (before.rev() == 0) {
      condition += "attribute_not_exists(rev)";
    } else {
      condition += "rev = :oldRev";
      values.put(":oldRev", Items.n(before.rev()));
    }
    String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return Update.builder().tableName(table).key(DynamoOrderStore.orderKey(after.id()))
        .updateExpression(expression).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values).build();
  }

  @Override
  public List<DueItem> paymentDue(int limit) {
    return due.due(UnpaidPrepaymentPolicy.PAYMENT_DUE, limit).items().stream()
        .map(i -> DueWorkStore.item(UnpaidPrepaymentPolicy.PAYMENT_DUE, i)).toList();
  }

  @Override
  public int recordFailure(DueItem item, String error) {
    return due.recordFailure(item, error);
  }

  @Override
  public boolean park(DueItem item, String error) {
    return due.park(item, error);
  }

  @Override
  public boolean clearDue(String orderId, String dueSk) {
    if (dueSk == null) {
      return false;
    }
    try {
      dynamo.updateItem(u -> u.tableName(table).key(DynamoOrderStore.orderKey(orderId))
          .updateExpression("REMOVE duePk, dueSk, paymentStage, paymentDueAt")
          .conditionExpression("dueSk = :sk")
          .expressionAttributeValues(Map.of(":sk", s(dueSk))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }
}
