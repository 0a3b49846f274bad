package dev.storeops.ordering;

import java.time.Instant;

/** One entry of an order's status history: when, to which status, who or which rule, why. */
public record StatusChange(Instant at, OrderStatus status, String by, String reason) {}
