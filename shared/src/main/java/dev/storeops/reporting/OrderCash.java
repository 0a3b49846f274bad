package dev.storeops.reporting;

import java.time.LocalDate;

/**
 * The cash an order moved, by day in the shop's time zone (docs/money.md): a prepaid order brings its
 * total in on the day it became PAID; a cash-on-delivery order on the day it was DELIVERED (the money
 * the courier collected); an order cancelled after it was paid sends its total back out (the refund)
 * on the day of the cancellation.
 *
 * @param inDay {@code null} while no money came in
 * @param refundDay {@code null} unless refunded
 */
public record OrderCash(String orderId, LocalDate inDay, LocalDate refundDay, long totalMinor) {}
