package dev.storeops.messaging.sending;

/** A fully rendered mail: subject, plain-text part and HTML part. */
public record RenderedMail(String subject, String text, String html) {}
