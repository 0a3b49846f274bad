package dev.storeops.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Money the shop paid out that is not the goods' purchase cost: delivery, advertising, rent, salaries,
 * fees, other (docs/money.md). Recorded by the owner, one by one or from a CSV (a bank statement).
 *
 * @param amountMinor kopecks, &gt; 0
 * @param source {@code manual} or {@code import}
 */
public record Expense(String id, LocalDate date, String category, long amountMinor, String note, String source,
    String createdBy, Instant createdAt) {}
