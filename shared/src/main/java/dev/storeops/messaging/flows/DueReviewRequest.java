package dev.storeops.messaging.flows;

/** A delivered order due for its review request. */
public record DueReviewRequest(DueRef due, String orderId) implements DueEntry {}
