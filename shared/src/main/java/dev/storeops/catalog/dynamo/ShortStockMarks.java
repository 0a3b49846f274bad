package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The short-stock mark (docs/stock-ledger.md, "Short orders"): a count (supplier import, staff set) that
 * leaves a stock row short ({@code onHand < reserved}) puts the row itself on the sparse due-work index,
 * kind {@value #KIND}, due at once, <b>in the same transaction</b> as the count ({@code duePk}, {@code
 * dueSk}, {@code shortSource}). The sweep ({@code fulfilment/SweepShortStock}, scheduler job
 * {@code short-stock-sweep}) flags every holder of a marked row and removes the mark; so a count can never
 * stay short and silent, whatever fails between the count and the flagging. No table scan: the sweep reads
 * only marked rows.
 */
public final class ShortStockMarks {
  /** The due-work kind of a marked stock row. */
  public static final String KIND = "short-stock";

  private ShortStockMarks() {}

  /** Whether a count to {@code after} must mark its row. */
  public static boolean needed(StockLedger.Levels after) {
    return ShortStockPolicy.isShort(after);
  }

  /**
   * Lowers the due index's cursor of {@value #KIND} to {@code now}'s day (call before the count's
   * transaction; one conditional write, a no-op once the cursor is there).
   */
  public static void announce(DynamoDbClient dynamo, String table, Instant now) {
    new DueWorkStore(dynamo, table, Clock.fixed(now, ZoneOffset.UTC)).announce(KIND, now);
  }

  /**
   * What every count that may leave a row short adds to its stock update: when {@code after} is short, the
   * kind's cursor is lowered ({@link #announce}, before the count's transaction) and the {@code SET} part
   * that marks the row is returned (its values put in {@code values}); otherwise "".
   */
  public static String markIfShort(DynamoDbClient dynamo, String table, Map<String, AttributeValue> values,
      Instant now, StockLedger.Levels after, String sku, String warehouse, ShortStockPolicy.Source source) {
    if (!needed(after)) {
      return "";
    }
    announce(dynamo, table, now);
    return set(values, now, sku, warehouse, source);
  }

  /** The {@code SET} part that marks the row (prefixed with ", "), its values put in {@code values}. */
  public static String set(Map<String, AttributeValue> values, Instant now, String sku, String warehouse,
      ShortStockPolicy.Source source) {
    values.put(":smpk", s(DueWork.partition(KIND, now)));
    values.put(":smsk", s(DueWork.sortKey(now, sku + "#" + warehouse)));
    values.put(":smsrc", s(source.name()));
    return ", " + TableKeys.DUE_PK + " = :smpk, " + TableKeys.DUE_SK + " = :smsk, shortSource = :smsrc";
  }
}
