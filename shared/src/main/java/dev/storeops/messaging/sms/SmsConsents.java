package dev.storeops.messaging.sms;

import dev.storeops.customers.ConsentEvent;

/**
 * The customer's SMS choice, kept apart from the profile ({@code CUSTOMER#<id> / SMSCONSENT}): no item =
 * transactional SMS allowed (see {@link SmsPolicy}); an opt-out stops every SMS to that customer.
 */
public interface SmsConsents {
  /** Whether the customer opted out of SMS. */
  boolean optedOut(String customerId);

  /**
   * Records the customer's choice ({@code optedOut} true: no SMS at all) when it differs from the one in
   * force (no choice recorded = allowed), and in the same write appends {@code step} (channel {@code SMS},
   * its time, who and from where) to the customer's consent history, which the dossier lists.
   *
   * @return true when the choice changed; false when it already was that (nothing written, no step)
   * @throws dev.storeops.platform.errors.NotFound when the customer has no profile
   */
  boolean set(String customerId, boolean optedOut, ConsentEvent step);
}
