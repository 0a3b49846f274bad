package dev.storeops.messaging.sending;

import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.platform.log.Log;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender's figures for one batch of mail: {@link #add} counts in memory, {@link #flush} (the handler,
 * after the batch) writes each flow's counts of a day in one {@link MailFigures#addAll} — for a batch of ten
 * mails of two flows four counter writes instead of twenty (docs/performance.md, local mode keeps up). A
 * failed write is not tried again (an ADD whose answer was lost may have counted; counting twice is worse
 * than missing) but logged as an error naming the flow, the day and the counts; the mails' own outcomes
 * (the send log) are never affected. Reads go to the store.
 */
public final class BatchedMailFigures implements MailFigures {
  private static final Log LOG = Log.get(BatchedMailFigures.class);
  private final MailFigures store;
  private final Map<Key, Map<Figure, Long>> pending = new LinkedHashMap<>();

  private record Key(String flow, LocalDate day) {}

  public BatchedMailFigures(MailFigures store) {
    this.store = store;
  }

  @Override
  public synchronized void add(String flow, Figure figure, long count, LocalDate day) {
    if (count != 0) {
      pending.computeIfAbsent(new Key(flow, day), k -> new EnumMap<>(Figure.class)).merge(figure, count, Long::sum);
    }
  }

  /** Writes what was counted since the last flush, one {@link MailFigures#addAll} per flow and day. */
  public synchronized void flush() {
    for (var e : pending.entrySet()) {
      try {
        store.addAll(e.getKey().flow(), e.getValue(), e.getKey().day());
      } catch (RuntimeException failure) {
        LOG.error("mail figures not counted", failure, "flow", e.getKey().flow(), "day",
            e.getKey().day().toString(), "counts", e.getValue().toString());
      }
    }
    pending.clear();
  }

  @Override
  public Map<Figure, Long> totals(String flow) {
    return store.totals(flow);
  }
}
