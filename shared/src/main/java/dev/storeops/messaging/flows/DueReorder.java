package dev.storeops.messaging.flows;

import java.time.Instant;

/** A customer's due reorder reminder: the last order and the customer's usual interval in days. */
public record DueReorder(DueRef due, String customerId, String lastOrderId, Instant lastOrderAt, long intervalDays) implements DueEntry {}
