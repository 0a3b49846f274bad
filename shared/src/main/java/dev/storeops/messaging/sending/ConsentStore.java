package dev.storeops.messaging.sending;

import java.time.Instant;

/** Where a customer's marketing consent is withdrawn. */
public interface ConsentStore {
  /** Clears the consent; {@code false} when there was none to clear (already withdrawn, or no such customer). */
  boolean withdraw(String customerId, Instant at);
}
