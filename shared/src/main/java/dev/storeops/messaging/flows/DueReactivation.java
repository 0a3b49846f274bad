package dev.storeops.messaging.flows;

import java.time.Instant;

/** A customer's due reactivation step ({@code step} = the step to send, from 1). */
public record DueReactivation(DueRef due, String customerId, String lastOrderId, Instant lastOrderAt, int step) implements DueEntry {}
