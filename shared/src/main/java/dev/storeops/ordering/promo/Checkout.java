package dev.storeops.ordering.promo;

import java.time.Instant;

/**
 * What the promo rules look at of the order being placed.
 *
 * @param itemsTotalMinor the lines' total before any discount, kopecks
 * @param usedByCustomer whether this customer already has a use of the code (an order not cancelled)
 */
public record Checkout(String customerId, long itemsTotalMinor, Instant at, boolean usedByCustomer) {}
