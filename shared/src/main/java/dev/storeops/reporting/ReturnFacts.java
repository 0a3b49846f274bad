package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * One return after delivery as the reports count it (docs/returns.md): it takes its money and the cost
 * of its units off the figures of the order's day and channel and its SKUs off their sold quantities
 * and product figures (the same attributes a cancellation takes back), and sends its money out on the
 * cash day it was made. Counted once per return (its marker {@code REPORT#ORDER#<id> / RETURN#<n>}).
 *
 * @param orderDay the order's creation day in the shop's time zone: the day its sales figures belong to
 * @param returnDay the day of the return in the shop's time zone: the day its refund leaves the cash
 * @param n the return's number on the order ({@code RETURN#<n>})
 */
public record ReturnFacts(String orderId, int n, LocalDate orderDay, LocalDate returnDay, String channel,
    long amountMinor, long costMinor, List<Line> lines) {

  public ReturnFacts {
    lines = List.copyOf(lines);
  }

  /** One returned SKU: units, the money given back for them and their purchase cost. */
  public record Line(String sku, long qty, long amountMinor, long costMinor) {}
}
