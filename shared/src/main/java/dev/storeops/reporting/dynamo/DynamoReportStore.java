package dev.storeops.reporting.dynamo;

import dev.storeops.platform.retry.Retry;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.log.Log;
import dev.storeops.reporting.CountedState;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.OrderCash;
import dev.storeops.reporting.ProductDay;
import dev.storeops.reporting.Recommendations;
import dev.storeops.reporting.SalesDay;
import dev.storeops.reporting.ReportData;
import dev.storeops.reporting.ReturnFacts;
import dev.storeops.reporting.SalesCounting;
import dev.storeops.reporting.SalesDelta;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The report items in the single table (docs/reports.md): per-order "counted" state, per-day sales
 * aggregates, per-SKU daily sold quantities and bought-together pair counts, and the expiry index.
 * Every aggregate update happens in one transaction with a conditional update of the order's counted
 * state, so a stream record delivered twice counts once.
 */
public final class DynamoReportStore implements SalesCounting.Ledger, ReportData {
  private static final Log LOG = Log.get(DynamoReportStore.class);
  public static final String SALES_PK = TableKeys.SALES_REPORT;
  /** The cash days' partition ({@code REPORT#CASH}, sk {@code DAY#<yyyy-MM-dd>}). */
  public static final String CASH_PK = "REPORT#CASH";
  private static final int ATTEMPTS = 5;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoReportStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static Map<String, AttributeValue> countedKey(String orderId) {
    return TableKeys.primaryKey(TableKeys.REPORT_ORDER.key(orderId), "COUNTED");
  }

  static Map<String, AttributeValue> dayKey(LocalDate day) {
    return TableKeys.primaryKey(SALES_PK, TableKeys.DAY.key(day));
  }

  static Map<String, AttributeValue> soldKey(String sku, LocalDate day) {
    return TableKeys.primaryKey(TableKeys.REPORT_SKU.key(sku), TableKeys.SOLD.key(day));
  }

  static Map<String, AttributeValue> pairKey(String sku, String other) {
    return TableKeys.primaryKey(TableKeys.REPORT_SKU.key(sku), TableKeys.PAIR.key(other));
  }

  static Map<String, AttributeValue> expiryKey(LocalDate expiresAt, String sku, String warehouse) {
    return TableKeys.primaryKey(TableKeys.REPORT_EXPIRY.key(YearMonth.from(expiresAt)), expiresAt + "#" + sku + "#" + warehouse);
  }

  /** How the reports have counted an order so far. */
  public CountedState counted(String orderId) {
    var item = dynamo.getItem(g -> g.tableName(table).key(countedKey(orderId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return CountedState.NONE;
    }
    return CountedState.valueOf(Items.str(item, "state"));
  }

  /**
   * Counts this version of an order: reads its counted state, applies the delta to the day and the
   * SKUs in one transaction conditional on that state, retrying when another delivery got there first.
   * Then counts the bought-together pairs once per order. Returns the delta applied (empty when the
   * version changed nothing).
   */
  @Override
  public SalesDelta apply(OrderFacts facts) {
    SalesDelta applied = null;
    for (int attempt = 1; attempt <= ATTEMPTS && applied == null; attempt++) {
      CountedState from = counted(facts.orderId());
      SalesDelta delta = SalesDelta.of(from, facts);
      if (delta.empty()) {
        applied = delta;
        break;
      }
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions(facts, delta)));
        applied = delta;
      } catch (TransactionCanceledException e) {
        boolean stateChanged = !e.cancellationReasons().isEmpty()
            && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code());
        if (!stateChanged && !conflict(e)) {
          throw e;
        }
        // another delivery counted the order first (re-read its state), or a concurrent write to the
        // same day/SKU item (shards run in parallel): try again after a short jittered pause
        LOG.info("order counting retried", "orderId", facts.orderId(), "attempt", attempt,
            "reason", stateChanged ? "state changed" : "transaction conflict");
        Retry.backOff(attempt);
      }
    }
    if (applied == null) {
      throw new IllegalStateException("order " + facts.orderId() + " kept changing while being counted");
    }
    if (facts.state() == CountedState.ACTIVE || applied.from() == CountedState.ACTIVE) {
      countPairsOnce(facts);
    }
    return applied;
  }

  private List<TransactWriteItem> actions(OrderFacts facts, SalesDelta d) {
    List<TransactWriteItem> actions = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", s(d.to().name()));
    values.put(":day", s(facts.day().toString()));
    values.put(":ch", s(facts.channel()));
    values.put(":type", s("ReportCounted"));
    Update.Builder counted = Update.builder().tableName(table).key(countedKey(facts.orderId()))
        .updateExpression("SET #state = :to, #day = :day, channel = :ch, #type = :type");
    Map<String, String> names = new HashMap<>(Map.of("#state", "state", "#day", "day", "#type", "type"));
    if (d.from() == CountedState.NONE) {
      counted.conditionExpression("attribute_not_exists(pk)");
    } else {
      counted.conditionExpression("#state = :from");
      values.put(":from", s(d.from().name()));
    }
    actions.add(TransactWriteItem.builder().update(counted.expressionAttributeNames(names)
        .expressionAttributeValues(values).build()).build());

    // the day: totals, the channel's counters and the reason
    Map<String, String> dn = new LinkedHashMap<>();
    Map<String, AttributeValue> dv = new LinkedHashMap<>();
    List<String> adds = new ArrayList<>();
    add(adds, dn, dv, "orders", d.orders());
    add(adds, dn, dv, "grossMinor", d.grossMinor());
    add(adds, dn, dv, "cancelled", d.cancelled());
    add(adds, dn, dv, "cancelledMinor", d.cancelledMinor());
    add(adds, dn, dv, "orders_" + facts.channel(), d.orders());
    add(adds, dn, dv, "grossMinor_" + facts.channel(), d.grossMinor());
    add(adds, dn, dv, "cancelled_" + facts.channel(), d.cancelled());
    add(adds, dn, dv, "cancelledMinor_" + facts.channel(), d.cancelledMinor());
    // the money side (docs/money.md): cost of goods placed and cancelled, the discount per campaign
    add(adds, dn, dv, "costMinor", d.costMinor());
    add(adds, dn, dv, "cancelledCostMinor", d.cancelledCostMinor());
    add(adds, dn, dv, "costMinor_" + facts.channel(), d.costMinor());
    add(adds, dn, dv, "cancelledCostMinor_" + facts.channel(), d.cancelledCostMinor());
    if (d.promoSource() != null) {
      add(adds, dn, dv, "discount#" + d.promoSource(), d.discountMinor());
    }
    if (d.cancelReason() != null) {
      add(adds, dn, dv, "reason#" + d.cancelReason(), d.cancelled());
    }
    dn.put("#t", "type");
    dn.put("#d", "day");
    dv.put(":t", s("SalesDay"));
    dv.put(":d", s(facts.day().toString()));
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(dayKey(facts.day()))
        .updateExpression("SET #t = :t, #d = :d ADD " + String.join(", ", adds))
        .expressionAttributeNames(dn).expressionAttributeValues(dv).build()).build());

    d.soldQty().forEach((sku, qty) -> actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
        .key(soldKey(sku, facts.day()))
        .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD qty :q")
        .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
        .expressionAttributeValues(Map.of(":t", s("SkuSoldDay"), ":sku", s(sku), ":d", s(facts.day().toString()),
            ":q", Items.n(qty)))
        .build()).build()));
    // per product and day: units, revenue and cost (the product report)
    d.soldQty().forEach((sku, qty) -> actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
        .key(productDayKey(facts.day(), sku))
        .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD units :q, revenueMinor :r, costMinor :c")
        .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
        .expressionAttributeValues(Map.of(":t", s("ProductDay"), ":sku", s(sku), ":d", s(facts.day().toString()),
            ":q", Items.n(qty), ":r", Items.n(d.revenueBySku().getOrDefault(sku, 0L)),
            ":c", Items.n(d.costBySku().getOrDefault(sku, 0L))))
        .build()).build()));
    return actions;
  }

  static Map<String, AttributeValue> cashDayKey(LocalDate day) {
    return TableKeys.primaryKey(CASH_PK, TableKeys.DAY.key(day));
  }

  /**
   * Counts an order's cash once per movement: money in (marker {@code REPORT#ORDER#<id> / CASH#IN})
   * and the refund ({@code CASH#REFUND}), each in one transaction with the day's {@code ADD}.
   *
   * @return how many movements were counted now (0 when already counted)
   */
  public int countCash(OrderCash cash) {
    int counted = 0;
    if (cash.inDay() != null && countCashOnce(cash.orderId(), "CASH#IN", cash.inDay(), "inMinor", cash.totalMinor())) {
      counted++;
    }
    if (cash.refundDay() != null
        && countCashOnce(cash.orderId(), "CASH#REFUND", cash.refundDay(), "refundsMinor", cash.totalMinor())) {
      counted++;
    }
    return counted;
  }

  private boolean countCashOnce(String orderId, String marker, LocalDate day, String attribute, long amount) {
    List<TransactWriteItem> actions = List.of(
        TransactWriteItem.builder().put(software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(table)
            .item(Map.of(TableKeys.PK, s(TableKeys.REPORT_ORDER.key(orderId)), TableKeys.SK, s(marker),
                "type", s("ReportCashCounted"), "day", s(day.toString()), "amountMinor", Items.n(amount)))
            .conditionExpression("attribute_not_exists(pk)").build()).build(),
        TransactWriteItem.builder().update(Update.builder().tableName(table).key(cashDayKey(day))
            .updateExpression("SET #t = :t, #d = :d ADD #a :a")
            .expressionAttributeNames(Map.of("#t", "type", "#d", "day", "#a", attribute))
            .expressionAttributeValues(Map.of(":t", s("CashDay"), ":d", s(day.toString()), ":a", Items.n(amount)))
            .build()).build());
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions));
        return true;
      } catch (TransactionCanceledException e) {
        if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
          return false; // counted before
        }
        if (!conflict(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        Retry.backOff(attempt);
      }
    }
  }

  /**
   * Counts each return after delivery once (docs/returns.md): its marker {@code REPORT#ORDER#<id> /
   * RETURN#<n>} in one transaction with the order day's {@code returns}, {@code returnedMinor},
   * {@code returnedCostMinor} (total and channel), the SKUs' sold quantities and product figures taken
   * back, and the refund on the return's cash day.
   *
   * @return how many returns were counted now
   */
  public int countReturns(List<ReturnFacts> returns) {
    int counted = 0;
    for (ReturnFacts r : returns) {
      if (countReturnOnce(r)) {
        counted++;
      }
    }
    return counted;
  }

  private boolean countReturnOnce(ReturnFacts r) {
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(TransactWriteItem.builder().put(software.amazon.awssdk.services.dynamodb.model.Put.builder()
        .tableName(table).item(Map.of(TableKeys.PK, s(TableKeys.REPORT_ORDER.key(r.orderId())), TableKeys.SK,
            s("RETURN#" + r.n()), "type", s("ReportReturnCounted"), "day", s(r.orderDay().toString()),
            "amountMinor", Items.n(r.amountMinor())))
        .conditionExpression("attribute_not_exists(pk)").build()).build());
    Map<String, String> dn = new LinkedHashMap<>();
    Map<String, AttributeValue> dv = new LinkedHashMap<>();
    List<String> adds = new ArrayList<>();
    add(adds, dn, dv, "returns", 1);
    add(adds, dn, dv, "returnedMinor", r.amountMinor());
    add(adds, dn, dv, "returnedCostMinor", r.costMinor());
    add(adds, dn, dv, "returns_" + r.channel(), 1);
    add(adds, dn, dv, "returnedMinor_" + r.channel(), r.amountMinor());
    add(adds, dn, dv, "returnedCostMinor_" + r.channel(), r.costMinor());
    dn.put("#t", "type");
    dn.put("#d", "day");
    dv.put(":t", s("SalesDay"));
    dv.put(":d", s(r.orderDay().toString()));
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(dayKey(r.orderDay()))
        .updateExpression("SET #t = :t, #d = :d ADD " + String.join(", ", adds))
        .expressionAttributeNames(dn).expressionAttributeValues(dv).build()).build());
    Map<String, ReturnFacts.Line> bySku = new LinkedHashMap<>();
    r.lines().forEach(l -> bySku.merge(l.sku(), l, (a, b) -> new ReturnFacts.Line(a.sku(), a.qty() + b.qty(),
        a.amountMinor() + b.amountMinor(), a.costMinor() + b.costMinor())));
    for (ReturnFacts.Line l : bySku.values()) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(soldKey(l.sku(), r.orderDay()))
          .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD qty :q")
          .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
          .expressionAttributeValues(Map.of(":t", s("SkuSoldDay"), ":sku", s(l.sku()), ":d", s(r.orderDay().toString()),
              ":q", Items.n(-l.qty())))
          .build()).build());
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(productDayKey(r.orderDay(), l.sku()))
          .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD units :q, revenueMinor :r, costMinor :c")
          .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
          .expressionAttributeValues(Map.of(":t", s("ProductDay"), ":sku", s(l.sku()), ":d", s(r.orderDay().toString()),
              ":q", Items.n(-l.qty()), ":r", Items.n(-l.amountMinor()), ":c", Items.n(-l.costMinor())))
          .build()).build());
    }
    if (r.amountMinor() != 0) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(cashDayKey(r.returnDay()))
          .updateExpression("SET #t = :t, #d = :d ADD refundsMinor :a")
          .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
          .expressionAttributeValues(Map.of(":t", s("CashDay"), ":d", s(r.returnDay().toString()),
              ":a", Items.n(r.amountMinor())))
          .build()).build());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions));
        return true;
      } catch (TransactionCanceledException e) {
        if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
          return false; // counted before
        }
        if (!conflict(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        Retry.backOff(attempt);
      }
    }
  }

  @Override
  public Map<LocalDate, long[]> cashDays(LocalDate from, LocalDate to) {
    Map<LocalDate, long[]> out = new LinkedHashMap<>();
    query(QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":pk", s(CASH_PK), ":from", s(TableKeys.DAY.key(from)), ":to", s(TableKeys.DAY.key(to)))),
        item -> out.put(LocalDate.parse(Items.str(item, "day")),
            new long[] {Items.num(item, "inMinor", 0), Items.num(item, "refundsMinor", 0),
                Items.num(item, "tillMinor", 0)}));
    return out;
  }

  static Map<String, AttributeValue> productDayKey(LocalDate day, String sku) {
    return TableKeys.primaryKey(TableKeys.REPORT_PRODUCTS.key(YearMonth.from(day)), day + "#" + sku);
  }

  /** The product figures of {@code [from, to]}: one query per calendar month of the range. */
  @Override
  public List<ProductDay> productDays(LocalDate from, LocalDate to) {
    List<ProductDay> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      query(QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.REPORT_PRODUCTS.key(m)), ":from", s(from.toString()),
              ":to", s(to + "#\uffff"))),
          item -> out.add(new ProductDay(LocalDate.parse(Items.str(item, "day")), Items.str(item, "sku"),
              Items.num(item, "units", 0), Items.num(item, "revenueMinor", 0), Items.num(item, "costMinor", 0))));
    }
    return out;
  }

  private static void add(List<String> adds, Map<String, String> names, Map<String, AttributeValue> values,
      String attribute, long delta) {
    if (delta == 0) {
      return;
    }
    int i = names.size();
    names.put("#a" + i, attribute);
    values.put(":a" + i, Items.n(delta));
    adds.add("#a" + i + " :a" + i);
  }

  /** Bought-together pairs of an order, counted once per order (a marker on the counted item, same transaction). */
  private void countPairsOnce(OrderFacts facts) {
    List<Map.Entry<String, String>> pairs = Recommendations.pairs(facts.lines().stream().map(OrderFacts.Line::sku).toList());
    if (pairs.isEmpty()) {
      return;
    }
    List<TransactWriteItem> actions = new ArrayList<>();
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(countedKey(facts.orderId()))
        .updateExpression("SET pairsCounted = :yes")
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(pairsCounted)")
        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))).build()).build());
    for (var p : pairs) {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(pairKey(p.getKey(), p.getValue()))
          .updateExpression("SET #t = :t, sku = :sku, otherSku = :o ADD #c :one")
          .expressionAttributeNames(Map.of("#t", "type", "#c", "count"))
          .expressionAttributeValues(Map.of(":t", s("BoughtTogether"), ":sku", s(p.getKey()), ":o", s(p.getValue()),
              ":one", Items.n(1)))
          .build()).build());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions));
        return;
      } catch (TransactionCanceledException e) {
        if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
          return; // already counted
        }
        if (!conflict(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        Retry.backOff(attempt);
      }
    }
  }

  private static boolean conflict(TransactionCanceledException e) {
    return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
  }


  DynamoDbClient dynamo() {
    return dynamo;
  }

  String table() {
    return table;
  }

  // ------------------------------------------------------------------ reads

  /** The stored day figures of {@code [from, to]}: one query by key range (days without orders have no item). */
  @Override
  public List<SalesDay> salesDays(LocalDate from, LocalDate to) {
    List<SalesDay> out = new ArrayList<>();
    query(QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":pk", s(SALES_PK), ":from", s(TableKeys.DAY.key(from)), ":to", s(TableKeys.DAY.key(to)))),
        item -> out.add(salesDay(item)));
    return out;
  }

  static SalesDay salesDay(Map<String, AttributeValue> item) {
    Map<String, SalesDay.Figures> channels = new LinkedHashMap<>();
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, Long> discounts = new LinkedHashMap<>();
    for (String key : item.keySet()) {
      if (key.startsWith("discount#")) {
        discounts.put(key.substring("discount#".length()), Items.num(item, key, 0));
      }
      if (key.startsWith("orders_")) {
        String c = key.substring("orders_".length());
        channels.put(c, figures(item, "_" + c));
      } else if (key.startsWith("reason#")) {
        reasons.put(key.substring("reason#".length()), Items.num(item, key, 0));
      }
    }
    return new SalesDay(LocalDate.parse(Items.str(item, "day")), figures(item, ""), channels, reasons, discounts);
  }

  private static SalesDay.Figures figures(Map<String, AttributeValue> item, String suffix) {
    return new SalesDay.Figures(Items.num(item, "orders" + suffix, 0), Items.num(item, "grossMinor" + suffix, 0),
        Items.num(item, "cancelled" + suffix, 0), Items.num(item, "cancelledMinor" + suffix, 0),
        Items.num(item, "costMinor" + suffix, 0), Items.num(item, "cancelledCostMinor" + suffix, 0),
        Items.num(item, "returns" + suffix, 0), Items.num(item, "returnedMinor" + suffix, 0),
        Items.num(item, "returnedCostMinor" + suffix, 0), Items.num(item, "unknownCostUnits" + suffix, 0));
  }

  /** Quantity of {@code sku} sold on the days {@code [from, to]} (net of cancellations). */
  @Override
  public long sold(String sku, LocalDate from, LocalDate to) {
    long[] sum = {0};
    query(QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.REPORT_SKU.key(sku)), ":from", s(TableKeys.SOLD.key(from)),
            ":to", s(TableKeys.SOLD.key(to)))),
        item -> sum[0] += Items.num(item, "qty", 0));
    return sum[0];
  }

  /** The SKUs bought together with {@code sku} and how often. */
  @Override
  public Map<String, Long> boughtTogether(String sku) {
    Map<String, Long> out = new LinkedHashMap<>();
    query(QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.REPORT_SKU.key(sku)), ":p", s(TableKeys.PAIR.text()))),
        item -> out.put(Items.str(item, "otherSku"), Items.num(item, "count", 0)));
    return out;
  }

  /** Expiry index entries dated {@code [from, to]}: one query per calendar month of the range. */
  @Override
  public List<Expiring.Entry> expiring(LocalDate from, LocalDate to) {
    List<Expiring.Entry> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      query(QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.REPORT_EXPIRY.key(m)), ":from", s(from.toString()),
              ":to", s(to + "#\uffff"))),
          item -> out.add(new Expiring.Entry(Items.str(item, "sku"), Items.str(item, "warehouse"),
              LocalDate.parse(Items.str(item, "expiresAt")), Items.num(item, "available", 0),
              Items.num(item, "onHand", 0), Items.str(item, "supplierId"))));
    }
    return out;
  }

  /** Warehouse ids (GSI1 {@code WAREHOUSES}). */
  public List<String> warehouses() {
    List<String> out = new ArrayList<>();
    query(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s("WAREHOUSES"))),
        item -> out.add(Items.str(item, "id")));
    return out;
  }

  /** Available stock per SKU that {@code supplierId} feeds, summed over the warehouses (GSI1 per warehouse). */
  @Override
  public Map<String, Long> supplierStock(String supplierId) {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (String warehouse : warehouses()) {
      query(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
          .keyConditionExpression("gsi1pk = :pk")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.supplierStock(supplierId, warehouse)))),
          item -> out.merge(Items.str(item, "sku"), Items.num(item, "available", 0), Long::sum));
    }
    return out;
  }

  private void query(QueryRequest.Builder request, Consumer<Map<String, AttributeValue>> each) {
    Map<String, AttributeValue> start = null;
    do {
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      QueryResponse page = dynamo.query(request.build());
      page.items().forEach(each);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
  }
}
