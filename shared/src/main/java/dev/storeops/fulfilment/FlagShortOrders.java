package dev.storeops.fulfilment;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.ShortLine;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.ordering.Order;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.staff.TaskService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * After a count of a SKU in a warehouse (a supplier file row, a staff set): flags the orders holding it
 * short, or clears their flag, as {@link ShortStockPolicy} decides, and opens the manager's
 * {@value ShortStockPolicy#TASK_KIND} task. Idempotent: a repeated count writes the same lines and
 * finds the task open already.
 */
public final class FlagShortOrders {
  private static final Log LOG = Log.get(FlagShortOrders.class);
  private static final int TASK_ATTEMPTS = 4;
  private static final int ATTEMPTS = 5;

  /** An order as the flag needs it: its data and the version of its short lines. */
  public record Holder(Order order, long version) {}

  /** Holds and the orders' short flags (DynamoDB: {@code fulfilment/dynamo/DynamoShortStock}). */
  public interface Store {
    List<Hold> holds(String sku, String warehouse);

    Optional<Holder> holder(String orderId);

    /**
     * Writes the order's short lines (empty: not short) if the order still holds stock and its lines are
     * still at {@code holder.version()}; false when either changed.
     */
    boolean writeShortLines(Holder holder, List<ShortLine> lines);
  }

  private final Store store;
  private final TaskService tasks;
  private final ShopMetrics metrics;

  /** Without counting (where only flags are cleared: a cancel or ship of another order). */
  public FlagShortOrders(Store store, TaskService tasks) {
    this(store, tasks, null);
  }

  /** Counts each order newly flagged short as {@code OrdersShort} (docs/operations.md). */
  public FlagShortOrders(Store store, TaskService tasks, ShopMetrics metrics) {
    this.store = store;
    this.tasks = tasks;
    this.metrics = metrics;
  }

  /**
   * The holders of {@code sku} in {@code warehouse} after a count from {@code before} to {@code after}
   * ({@code before} null: the row is new). Returns the number of orders flagged short.
   */
  public int afterCount(String sku, String warehouse, StockLedger.Levels before, StockLedger.Levels after,
      ShortStockPolicy.Source source, String by) {
    if (!ShortStockPolicy.concerns(before, after)) {
      return 0;
    }
    int flagged = 0;
    for (Hold hold : store.holds(sku, warehouse)) {
      if (apply(hold, after, source, by)) {
        flagged++;
      }
    }
    if (flagged > 0) {
      LOG.info("orders flagged short", "sku", sku, "warehouse", warehouse, "onHand", after.onHand(), "reserved",
          after.reserved(), "orders", flagged);
    }
    return flagged;
  }

  /**
   * Every holder of {@code sku} in {@code warehouse} judged against the row's {@code levels} as read now,
   * whatever count changed them (the short-stock sweep, {@link SweepShortStock}): flagged with its task
   * when the row is short, its line cleared when covered. Idempotent. Returns the orders short.
   */
  public int recheck(String sku, String warehouse, StockLedger.Levels levels, ShortStockPolicy.Source source,
      String by) {
    int flagged = 0;
    for (Hold hold : store.holds(sku, warehouse)) {
      if (apply(hold, levels, source, by)) {
        flagged++;
      }
    }
    return flagged;
  }

  private boolean apply(Hold hold, StockLedger.Levels counted, ShortStockPolicy.Source source, String by) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Holder> found = store.holder(hold.orderId());
      if (found.isEmpty() || !found.get().order().status().holdsStock()) {
        return false;
      }
      Holder holder = found.get();
      List<ShortLine> lines = ShortStockPolicy.linesAfter(holder.order().shortLines(), hold, counted);
      boolean same = Objects.equals(lines, holder.order().shortLines());
      boolean written = !same && store.writeShortLines(holder, lines);
      if (written && metrics != null && !holder.order().isShort() && !lines.isEmpty()) {
        metrics.orderShort();
      }
      if (same || written) {
        if (ShortStockPolicy.isShort(counted)) {
          ShortLine line = lines.stream().filter(l -> l.sku().equals(hold.sku())
              && l.warehouse().equals(hold.warehouse())).findFirst().orElseThrow();
          Order o = holder.order();
          openTask(o, hold, line, source, by);
          return true;
        }
        return false;
      }
    }
    throw new IllegalStateException("order " + hold.orderId() + " kept changing while flagging it short");
  }

  /**
   * The manager's task, tried again on a failed call: the flag is already written, and a count that
   * is not delivered again (a file whose later tries all fail) would leave a flagged order with no task
   * (found by the faulted simulation). Opening is idempotent by the task's id.
   */
  private void openTask(Order o, Hold hold, ShortLine line, ShortStockPolicy.Source source, String by) {
    for (int attempt = 1; ; attempt++) {
      try {
        tasks.open(ShortStockPolicy.taskId(o.id(), hold.sku(), hold.warehouse()), ShortStockPolicy.TASK_KIND,
            ShortStockPolicy.taskTitle(source, o.number(), line), o.id(), o.customerId(),
            o.managerId() == null ? FollowUpTasks.UNASSIGNED : o.managerId(), ShortStockPolicy.TASK_DUE, by);
        return;
      } catch (RuntimeException e) {
        if (attempt >= TASK_ATTEMPTS) {
          LOG.error("order flagged short but its task could not be opened", e, "orderId", o.id(), "sku", hold.sku(),
              "warehouse", hold.warehouse());
          throw e;
        }
        dev.storeops.platform.retry.Retry.backOff(attempt);
      }
    }
  }
}
