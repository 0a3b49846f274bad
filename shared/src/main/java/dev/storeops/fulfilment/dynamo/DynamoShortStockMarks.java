package dev.storeops.fulfilment.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.dynamo.ShortStockMarks;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.SweepShortStock;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Marked stock rows ({@link ShortStockMarks}, kind {@value ShortStockMarks#KIND}) read from the due-work
 * index, and the mark's removal ({@code REMOVE duePk, dueSk, shortSource} conditioned on the due key read).
 */
public final class DynamoShortStockMarks implements SweepShortStock.Marks {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** The sweep (scheduler job {@value SweepShortStock#JOB}). */
  public static SweepShortStock job(DynamoDbClient dynamo, String table, Clock clock, TaskService tasks,
      ShopMetrics metrics) {
    DueWorkStore due = new DueWorkStore(dynamo, table, clock);
    return new SweepShortStock(new DynamoShortStockMarks(dynamo, table, due),
        new FlagShortOrders(new DynamoShortStock(dynamo, table, clock), tasks, metrics), new PoisonItems(due));
  }

  public DynamoShortStockMarks(DynamoDbClient dynamo, String table, DueWorkStore due) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = due;
  }

  @Override
  public List<SweepShortStock.Mark> due(int limit) {
    return due.due(ShortStockMarks.KIND, limit).items().stream().map(i -> {
      String source = Items.str(i, "shortSource");
      return new SweepShortStock.Mark(DueWorkStore.item(ShortStockMarks.KIND, i), Items.str(i, "sku"),
          Items.str(i, "warehouse"), source(source));
    }).toList();
  }

  /** The mark's source as written ({@code ShortStockMarks.set}); a mark of an older version without one: the supplier. */
  static ShortStockPolicy.Source source(String written) {
    for (ShortStockPolicy.Source s : ShortStockPolicy.Source.values()) {
      if (s.name().equals(written)) {
        return s;
      }
    }
    return ShortStockPolicy.Source.SUPPLIER;
  }

  @Override
  public Optional<StockLedger.Levels> levels(String sku, String warehouse) {
    var item = dynamo.getItem(g -> g.tableName(table).key(TableKeys.stockKey(sku, warehouse)).consistentRead(true))
        .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(StockLedger.Levels.of(Items.num(item, "onHand", 0), Items.num(item, "reserved", 0)));
  }

  @Override
  public boolean done(SweepShortStock.Mark mark) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(TableKeys.stockKey(mark.sku(), mark.warehouse()))
          .updateExpression("REMOVE #dpk, #dsk, shortSource")
          .conditionExpression("#dsk = :read")
          .expressionAttributeNames(Map.of("#dpk", TableKeys.DUE_PK, "#dsk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":read", s(mark.at().dueSk()))));
      return true;
    } catch (ConditionalCheckFailedException markedAgain) {
      return false;
    }
  }
}
