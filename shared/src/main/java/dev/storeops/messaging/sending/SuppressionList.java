package dev.storeops.messaging.sending;

import java.time.Instant;
import java.util.Locale;

/** Addresses that must never get mail again (permanent bounces, complaints). */
public interface SuppressionList {
  /** True for a listed address, and for the address of an erased customer (listed only as its hash). */
  boolean isSuppressed(String email);

  /** Puts the address on the list; {@code false} when it was there already (the first reason stays). */
  boolean suppress(String email, String reason, Instant at, String source);

  static String key(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
