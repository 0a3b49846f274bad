package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * What the reports need of one order version: its day (creation date in the shop's time zone),
 * channel, total, lines and whether it is cancelled (with the reason). Plain data, no AWS types.
 *
 * @param day the order's creation date in the shop's time zone: the day its figures belong to
 * @param totalMinor what the customer pays (items + delivery), kopecks
 * @param cancelReason the reason of the cancellation, {@code null} while not cancelled
 */
public record OrderFacts(String orderId, LocalDate day, String channel, long totalMinor, List<Line> lines,
    boolean cancelled, String cancelReason) {

  public OrderFacts {
    lines = List.copyOf(lines);
  }

  /** One ordered SKU and its quantity. */
  public record Line(String sku, long qty) {}

  /** The state the reports count an order in. */
  public CountedState state() {
    return cancelled ? CountedState.CANCELLED : CountedState.ACTIVE;
  }
}
