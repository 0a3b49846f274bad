package dev.storeops.fulfilment;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.catalog.StockMovement;
import dev.storeops.ordering.Order;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs stock rows inflated by the old ledger (docs/stock-ledger.md: {@code reserved} only grew,
 * shipping never consumed): an ops action ({@code POST /staff/stock/repair}). First every order that
 * holds stock gets the holds of its {@code reservations} (older orders were placed before holds
 * existed); then each stock row's {@code reserved} becomes the sum of its holds and {@code available
 * = max(0, onHand − reserved)}, each correction journaled (movement {@code repair}) in the same
 * transaction and conditioned on the row as read (a movement in between: read again). Rows already
 * right are left alone, so a second run corrects nothing. The orders a corrected row leaves short are
 * flagged ({@link FlagShortOrders}).
 */
public final class RepairStockLedger {
  private static final Log LOG = Log.get(RepairStockLedger.class);
  private static final int ATTEMPTS = 5;

  /** A stock row as read. */
  public record Row(String sku, String warehouse, long onHand, long reserved, long available) {}

  /** One corrected row. */
  public record Correction(String sku, String warehouse, long onHand, long reservedBefore, long reservedAfter,
      long availableBefore, long availableAfter) {}

  /** The repair's reads and writes (DynamoDB: {@code fulfilment/dynamo/DynamoStockRepair}). */
  public interface Store {
    /** Every order in a state that holds stock. */
    List<Order> ordersHoldingStock();

    /** Writes the order's hold on one SKU × warehouse unless it exists or the order stopped holding stock. */
    void ensureHold(Order order, Reservation merged);

    /** Every stock item the listing holds (an index read: may lag a write by a moment). */
    List<Row> stockRows();

    Optional<Row> row(String sku, String warehouse);

    /** Σ qty of the holds on the row. */
    long held(String sku, String warehouse);

    /** Sets {@code reserved}/{@code available} with the journal entry if the row is still as read; false when it changed. */
    boolean correct(Row asRead, StockLedger.Levels to, StockMovement journal);
  }

  private final Store store;
  private final FlagShortOrders shortOrders;
  private final Clock clock;

  public RepairStockLedger(Store store, FlagShortOrders shortOrders, Clock clock) {
    this.store = store;
    this.shortOrders = shortOrders;
    this.clock = clock;
  }

  /**
   * The listed rows and, read one by one, the rows open orders hold that the listing lacks (a row last
   * written before the listing existed is filed by its next write).
   */
  private List<Row> rows(Set<List<String>> held) {
    List<Row> rows = new ArrayList<>(store.stockRows());
    rows.forEach(r -> held.remove(List.of(r.sku(), r.warehouse())));
    for (List<String> unlisted : held) {
      store.row(unlisted.get(0), unlisted.get(1)).ifPresent(rows::add);
    }
    return rows;
  }

  /** Runs the repair on behalf of {@code by} (a staff id); returns the corrected rows. */
  public List<Correction> repair(String by) {
    int orders = 0;
    Set<List<String>> heldRows = new LinkedHashSet<>();
    for (Order o : store.ordersHoldingStock()) {
      Map<List<String>, Integer> merged = new LinkedHashMap<>();
      for (Reservation r : o.reservations()) {
        merged.merge(List.of(r.sku(), r.warehouse()), r.qty(), Integer::sum);
      }
      merged.forEach((k, q) -> store.ensureHold(o, new Reservation(k.get(0), k.get(1), q)));
      heldRows.addAll(merged.keySet());
      orders++;
    }
    List<Correction> corrections = new ArrayList<>();
    for (Row first : rows(heldRows)) {
      Row row = first;
      for (int attempt = 1; row != null; attempt++) {
        long held = store.held(row.sku(), row.warehouse());
        StockLedger.Levels to = StockLedger.Levels.of(row.onHand(), held);
        if (to.reserved() == row.reserved() && to.available() == row.available()) {
          break;
        }
        Instant now = clock.instant();
        StockLedger.Levels from = new StockLedger.Levels(row.onHand(), row.reserved(), row.available());
        StockMovement journal = StockMovement.absolute(now, row.sku(), row.warehouse(), StockMovement.REPAIR,
            row.reserved() - to.reserved(), from, to, by, "repair: reserved was " + row.reserved() + " (available "
                + row.available() + "), the open orders hold " + to.reserved(), null);
        if (store.correct(row, to, journal)) {
          corrections.add(new Correction(row.sku(), row.warehouse(), row.onHand(), row.reserved(), to.reserved(),
              row.available(), to.available()));
          shortOrders.afterCount(row.sku(), row.warehouse(), from, to, ShortStockPolicy.Source.STAFF, by);
          break;
        }
        if (attempt >= ATTEMPTS) {
          LOG.warn("stock row kept changing during the repair, left for the next run", "sku", row.sku(),
              "warehouse", row.warehouse());
          break;
        }
        row = store.row(row.sku(), row.warehouse()).orElse(null);
      }
    }
    LOG.info("stock ledger repaired", "ordersHoldingStock", orders, "corrected", corrections.size(), "by", by);
    return corrections;
  }
}
