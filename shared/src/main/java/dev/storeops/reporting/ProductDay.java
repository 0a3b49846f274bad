package dev.storeops.reporting;

import java.time.LocalDate;

/** One product's figures on one day, net of cancellations: units, revenue (after discounts) and purchase cost. */
public record ProductDay(LocalDate day, String sku, long units, long revenueMinor, long costMinor) {}
