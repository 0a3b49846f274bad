package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchedMailFiguresTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  /** Records each addAll call (one store write per counter in DynamoDB). */
  private static final class Recording implements MailFigures {
    final List<String> writes = new ArrayList<>();
    boolean failing;

    @Override
    public void add(String flow, Figure figure, long count, LocalDate day) {
      addAll(flow, Map.of(figure, count), day);
    }

    @Override
    public void addAll(String flow, Map<Figure, Long> counts, LocalDate day) {
      if (failing) {
        throw new IllegalStateException("throttled");
      }
      writes.add(flow + " " + day + " " + new EnumMap<>(counts));
    }

    @Override
    public Map<Figure, Long> totals(String flow) {
      return Map.of();
    }
  }

  @Test
  void aBatchsFiguresAreWrittenOncePerFlowAndDayAtTheFlush() {
    Recording store = new Recording();
    BatchedMailFigures figures = new BatchedMailFigures(store);
    for (int i = 0; i < 6; i++) {
      figures.add("order-confirmation", Figure.SENT, 1, DAY);
    }
    figures.add("order-confirmation", Figure.SKIPPED_SUPPRESSED, 1, DAY);
    figures.add("manager-new-order", Figure.SENT, 1, DAY);
    figures.add("manager-new-order", Figure.SENT, 1, DAY.plusDays(1));
    figures.add("manager-new-order", Figure.RETRIED, 0, DAY);
    assertTrue(store.writes.isEmpty(), "nothing written before the flush");

    figures.flush();
    assertEquals(List.of("order-confirmation 2026-12-01 {SENT=6, SKIPPED_SUPPRESSED=1}",
        "manager-new-order 2026-12-01 {SENT=1}", "manager-new-order 2026-12-02 {SENT=1}"), store.writes);

    figures.flush();
    assertEquals(3, store.writes.size(), "a second flush writes nothing again");
  }

  @Test
  void aFailedWriteIsLoggedAndNotTriedAgainNorCarriedIntoTheNextBatch() {
    Recording store = new Recording();
    BatchedMailFigures figures = new BatchedMailFigures(store);
    figures.add("order-confirmation", Figure.SENT, 2, DAY);
    store.failing = true;
    figures.flush();
    assertTrue(store.writes.isEmpty());

    store.failing = false;
    figures.add("order-confirmation", Figure.SENT, 1, DAY);
    figures.flush();
    assertEquals(List.of("order-confirmation 2026-12-01 {SENT=1}"), store.writes);
  }
}
