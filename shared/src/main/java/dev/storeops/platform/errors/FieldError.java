package dev.storeops.platform.errors;

/** One offending field and what is wrong with it, so a client can show the message next to its input. */
public record FieldError(String field, String message) {}
