package dev.storeops.messaging.flows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timing rules of the order-driven mail flows. Plain Java, no clock of its own: every input is
 * an instant from the order history.
 *
 * <ul>
 *   <li><b>Reorder interval</b>: the gaps between consecutive orders (oldest first); gaps shorter than
 *       one day are dropped (two orders in one shopping session are one purchase); the interval is the
 *       median of the remaining gaps (the mean of the two middle ones for an even count), rounded to
 *       whole days, at least one day. At least 2 orders and one gap are needed. The reminder is due at
 *       the last order + the interval.
 *   <li><b>Reactivation</b>: step 1 is due {@link #REACTIVATION_AFTER} after the last order; step k+1
 *       is due the step gap after step k; at most {@link #REACTIVATION_STEPS} steps. Any order restarts
 *       the chain from that order.
 * </ul>
 */
public final class MailFlowRules {
  public static final Duration REACTIVATION_AFTER = Duration.ofDays(90);
  public static final int REACTIVATION_STEPS = 3;
  public static final Duration MIN_GAP = Duration.ofDays(1);

  private MailFlowRules() {}

  /** The customer's usual reorder interval, empty with fewer than 2 orders (or only same-day ones). */
  public static Optional<Duration> reorderInterval(List<Instant> orderTimes) {
    List<Instant> sorted = orderTimes.stream().sorted().toList();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
      if (gap.compareTo(MIN_GAP) >= 0) {
        gaps.add(gap.toSeconds());
      }
    }
    if (gaps.isEmpty()) {
      return Optional.empty();
    }
    gaps.sort(null);
    int n = gaps.size();
    double median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2.0;
    long days = Math.max(1, Math.round(median / 86_400.0));
    return Optional.of(Duration.ofDays(days));
  }

  /** When the reorder reminder is due: the last order + the interval; empty when there is no interval. */
  public static Optional<Instant> reorderDue(List<Instant> orderTimes) {
    Optional<Instant> last = orderTimes.stream().max(Instant::compareTo);
    return reorderInterval(orderTimes).flatMap(i -> last.map(l -> l.plus(i)));
  }

  /** When step 1 of the reactivation chain is due after the last order. */
  public static Instant reactivationStart(Instant lastOrder) {
    return lastOrder.plus(REACTIVATION_AFTER);
  }

  /** After step {@code sent} went out (due at {@code dueAt}): when the next step is due, empty after the last. */
  public static Optional<Instant> nextReactivationStep(int sent, Instant dueAt, Duration stepGap) {
    return sent >= REACTIVATION_STEPS ? Optional.empty() : Optional.of(dueAt.plus(stepGap));
  }

  /** True when an order at {@code lastOrderAt} (null: none) came at or after {@code since}. */
  public static boolean orderedSince(Instant lastOrderAt, Instant since) {
    return lastOrderAt != null && !lastOrderAt.isBefore(since);
  }
}
