package dev.storeops.fulfilment;

import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.catalog.StockLedger;
import dev.storeops.platform.Job;
import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.retry.Retry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The short-stock sweep (scheduler job {@value #JOB}, every 15 minutes): an oversold order is never
 * silent, even when everything fails between a count and its flagging. A count that leaves a row short
 * marks the row on the due-work index in the count's own transaction ({@code catalog/dynamo/ShortStockMarks});
 * this job reads only the marked rows, judges every holder of each against the row as it is now
 * ({@link FlagShortOrders#recheck}: flag + {@code SHORT_STOCK} task when short, line cleared when covered)
 * and then removes the mark, conditioned on it being the one read (a new cut meanwhile keeps its mark).
 * Idempotent: flags are versioned and tasks have fixed ids. A row whose flagging fails is tried again a
 * few times in the run, then recorded by {@link PoisonItems} and swept again by the next run.
 */
public final class SweepShortStock implements Job {
  public static final String JOB = "short-stock-sweep";
  /** Rows one run handles at most; the rest wait for the next run. */
  static final int BATCH = 100;
  /** Tries of one row within a run (each a fresh read of the row and its holders). */
  static final int ATTEMPTS = 4;
  private static final Log LOG = Log.get(SweepShortStock.class);

  /** A marked stock row as the index holds it. */
  public record Mark(DueItem at, String sku, String warehouse, ShortStockPolicy.Source source) {}

  /** The marks and the rows (DynamoDB: {@code fulfilment/dynamo/DynamoShortStockMarks}). */
  public interface Marks {
    List<Mark> due(int limit);

    /** The row's levels, read consistently; empty when it is gone. */
    Optional<StockLedger.Levels> levels(String sku, String warehouse);

    /** Removes the mark if it is still the one read; false when a newer count marked the row again. */
    boolean done(Mark mark);
  }

  private final Marks marks;
  private final FlagShortOrders flag;
  private final PoisonItems poison;

  public SweepShortStock(Marks marks, FlagShortOrders flag, PoisonItems poison) {
    this.marks = marks;
    this.flag = flag;
    this.poison = poison;
  }

  @Override
  public Map<String, Object> run() {
    PoisonItems.Run run = poison.start(JOB);
    List<Mark> due = marks.due(BATCH);
    int[] shortOrders = {0};
    int[] swept = {0};
    for (Mark mark : due) {
      run.attempt(mark.at(), () -> {
        shortOrders[0] += sweep(mark);
        swept[0]++;
      });
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", JOB);
    result.put("due", due.size());
    result.put("swept", swept[0]);
    result.put("shortOrders", shortOrders[0]);
    return run.addTo(result);
  }

  private int sweep(Mark mark) {
    for (int attempt = 1; ; attempt++) {
      try {
        int n = 0;
        Optional<StockLedger.Levels> levels = marks.levels(mark.sku(), mark.warehouse());
        if (levels.isPresent()) {
          n = flag.recheck(mark.sku(), mark.warehouse(), levels.get(), mark.source(), "rule:short-stock-sweep");
        }
        marks.done(mark);
        if (n > 0) {
          LOG.info("short stock swept", "sku", mark.sku(), "warehouse", mark.warehouse(), "shortOrders", n);
        }
        return n;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        Retry.backOff(attempt);
      }
    }
  }
}
