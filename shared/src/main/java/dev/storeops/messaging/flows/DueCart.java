package dev.storeops.messaging.flows;

/** An open cart due for the abandoned-cart reminder (due at its last save). */
public record DueCart(DueRef due, String cartId) implements DueEntry {}
