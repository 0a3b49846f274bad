package dev.storeops.messaging.sending;

import dev.storeops.customers.ConsentEvent;

/** Where a customer's marketing consent is withdrawn. */
public interface ConsentStore {
  /**
   * Clears the consent and appends {@code withdrawal} to the customer's consent history; {@code false}
   * when there was none to clear (already withdrawn, or no such customer).
   */
  boolean withdraw(String customerId, ConsentEvent withdrawal);
}
