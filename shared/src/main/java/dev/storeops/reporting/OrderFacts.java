package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * What the reports need of one order version: its day (creation date in the shop's time zone),
 * channel, total, lines and whether it is cancelled (with the reason), and the money side: the
 * purchase cost of its goods and the promo discount given (docs/money.md). Plain data, no AWS types.
 *
 * @param day the order's creation date in the shop's time zone: the day its figures belong to
 * @param totalMinor what the customer pays (items − discount + delivery), kopecks
 * @param cancelReason the reason of the cancellation, {@code null} while not cancelled
 * @param costMinor purchase cost of the goods as reserved (lines of unknown cost count 0)
 * @param discountMinor the promo discount on the goods (0 without a code)
 * @param promoSource where the discount is counted: the campaign id or {@code birthday} ({@code null}: none)
 */
public record OrderFacts(String orderId, LocalDate day, String channel, long totalMinor, List<Line> lines,
    boolean cancelled, String cancelReason, long costMinor, long discountMinor, String promoSource) {

  public OrderFacts {
    lines = List.copyOf(lines);
  }

  /** Without cost and discount (orders placed before the money model). */
  public OrderFacts(String orderId, LocalDate day, String channel, long totalMinor, List<Line> lines,
      boolean cancelled, String cancelReason) {
    this(orderId, day, channel, totalMinor, lines, cancelled, cancelReason, 0, 0, null);
  }

  /**
   * One ordered SKU: quantity, what the customer pays for it (line total less its discount) and its
   * purchase cost.
   */
  public record Line(String sku, long qty, long revenueMinor, long costMinor) {
    public Line(String sku, long qty) {
      this(sku, qty, 0, 0);
    }
  }

  /** The state the reports count an order in. */
  public CountedState state() {
    return cancelled ? CountedState.CANCELLED : CountedState.ACTIVE;
  }
}
