package dev.storeops.messaging.sending;

import java.time.Instant;
import java.util.Locale;

/** Addresses that must never get mail again (permanent bounces, complaints). */
public interface SuppressionList {
  boolean isSuppressed(String email);

  /** Puts the address on the list; {@code false} when it was there already (the first reason stays). */
  boolean suppress(String email, String reason, Instant at, String source);

  static String key(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
