package dev.storeops.messaging;

import java.time.LocalDate;
import java.util.Map;

/** Per-flow counters of mail: what planners planned and what the sender did with it. */
public interface MailFigures {
  /** Adds {@code count} to a figure of {@code flow}, in the flow's total and in the day's counter. */
  void add(String flow, Figure figure, long count, LocalDate day);

  /**
   * Adds several figures of {@code flow} at once, in the flow's total and in the day's counter (one write
   * per counter where the store allows).
   */
  default void addAll(String flow, Map<Figure, Long> counts, LocalDate day) {
    counts.forEach((figure, count) -> add(flow, figure, count, day));
  }

  /** The flow's totals (figures never counted are 0). */
  Map<Figure, Long> totals(String flow);
}
