package dev.storeops.reporting.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.retry.Retry;
import dev.storeops.reporting.PointSaleFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts a shop point's receipt in the sales figures once (docs/points.md, docs/reports.md): one
 * transaction of the marker {@code REPORT#POINTSALE#<pointId>#<receipt> / COUNTED} (put only if absent),
 * the day's {@code ADD}s (total and channel {@code OFFLINE:<pointId>}: receipts, money, cost of goods of the
 * units of known cost, units of unknown cost), the cash day's {@code tillMinor} (money in at the till) and
 * per SKU its sold day and product day. A redelivered stream record finds the marker and counts nothing.
 */
public final class DynamoPointSaleCounting {
  private static final Log LOG = Log.get(DynamoPointSaleCounting.class);
  private static final int ATTEMPTS = 5;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPointSaleCounting(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Whether the item is a point sale ({@code pk POINT#…}, {@code sk POINTSALE#…}). */
  public static boolean isPointSale(Map<String, AttributeValue> item) {
    return item != null && String.valueOf(Items.str(item, TableKeys.SK)).startsWith(TableKeys.POINT_SALE.text())
        && String.valueOf(Items.str(item, TableKeys.PK)).startsWith(TableKeys.POINT.text());
  }

  /** The facts of a point sale item (its day in the shop's time zone). */
  public static PointSaleFacts facts(Map<String, AttributeValue> item, ZoneId zone) {
    Map<String, Long> units = new TreeMap<>();
    Map<String, Long> amounts = new TreeMap<>();
    Map<String, Long> costs = new TreeMap<>();
    long unknown = 0;
    AttributeValue lines = item.get("lines");
    if (lines != null && lines.hasL()) {
      for (AttributeValue l : lines.l()) {
        Map<String, AttributeValue> line = l.m();
        long qty = Items.num(line, "qty", 0);
        units.merge(Items.str(line, "sku"), qty, Long::sum);
        amounts.merge(Items.str(line, "sku"), qty * Items.num(line, "priceMinor", 0), Long::sum);
        AttributeValue unitCost = line.get("unitCostMinor");
        if (unitCost != null && unitCost.n() != null) {
          costs.merge(Items.str(line, "sku"), qty * Long.parseLong(unitCost.n()), Long::sum);
        } else {
          unknown += qty; // a sale recorded without a purchase price: cost unknown, shown apart
        }
      }
    }
    LocalDate day = Instant.parse(Items.str(item, "soldAt")).atZone(zone).toLocalDate();
    return new PointSaleFacts(Items.str(item, "pointId"), Items.str(item, "receiptNumber"), day,
        Items.num(item, "totalMinor", 0), units, amounts, costs, unknown);
  }

  static Map<String, AttributeValue> countedKey(String pointId, String receipt) {
    return TableKeys.primaryKey("REPORT#POINTSALE#" + pointId + "#" + receipt, "COUNTED");
  }

  /** Counts the receipt; false when it was counted before. */
  public boolean count(PointSaleFacts f) {
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(t -> t.transactItems(actions(f)));
        LOG.info("point sale counted", "pointId", f.pointId(), "day", f.day().toString());
        return true;
      } catch (TransactionCanceledException e) {
        if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
          return false; // counted by an earlier delivery
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        Retry.backOff(attempt);
      }
    }
  }

  private List<TransactWriteItem> actions(PointSaleFacts f) {
    List<TransactWriteItem> actions = new ArrayList<>();
    Map<String, AttributeValue> marker = new HashMap<>(countedKey(f.pointId(), f.receiptNumber()));
    marker.put("type", s("ReportCounted"));
    marker.put("day", s(f.day().toString()));
    marker.put("channel", s(f.channel()));
    actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
        .conditionExpression("attribute_not_exists(pk)").build()).build());
    Map<String, String> names = new HashMap<>(Map.of("#t", "type", "#d", "day", "#o", "orders", "#g", "grossMinor",
        "#oc", "orders_" + f.channel(), "#gc", "grossMinor_" + f.channel()));
    names.putAll(Map.of("#c", "costMinor", "#cc", "costMinor_" + f.channel(), "#u", "unknownCostUnits",
        "#uc", "unknownCostUnits_" + f.channel()));
    Map<String, AttributeValue> values = Map.of(":t", s("SalesDay"), ":d", s(f.day().toString()), ":one", Items.n(1),
        ":g", Items.n(f.totalMinor()), ":c", Items.n(f.costMinor()), ":u", Items.n(f.unknownCostUnits()));
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(DynamoReportStore.dayKey(f.day()))
        .updateExpression("SET #t = :t, #d = :d ADD #o :one, #g :g, #oc :one, #gc :g, #c :c, #cc :c, #u :u, #uc :u")
        .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
    // the till's money came in on the day of sale: the cash day's tillMinor (apart from the orders' inMinor)
    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
        .key(DynamoReportStore.cashDayKey(f.day()))
        .updateExpression("SET #t = :t, #d = :d ADD tillMinor :a")
        .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
        .expressionAttributeValues(Map.of(":t", s("CashDay"), ":d", s(f.day().toString()), ":a", Items.n(f.totalMinor())))
        .build()).build());
    f.unitsBySku().forEach((sku, qty) -> {
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(DynamoReportStore.soldKey(sku, f.day()))
          .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD qty :q")
          .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
          .expressionAttributeValues(Map.of(":t", s("SkuSoldDay"), ":sku", s(sku), ":d", s(f.day().toString()),
              ":q", Items.n(qty)))
          .build()).build());
      actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(DynamoReportStore.productDayKey(f.day(), sku))
          .updateExpression("SET #t = :t, sku = :sku, #d = :d ADD units :q, revenueMinor :r, costMinor :c")
          .expressionAttributeNames(Map.of("#t", "type", "#d", "day"))
          .expressionAttributeValues(Map.of(":t", s("ProductDay"), ":sku", s(sku), ":d", s(f.day().toString()),
              ":q", Items.n(qty), ":r", Items.n(f.amountBySku().getOrDefault(sku, 0L)),
              ":c", Items.n(f.costBySku().getOrDefault(sku, 0L))))
          .build()).build());
    });
    return actions;
  }
}
