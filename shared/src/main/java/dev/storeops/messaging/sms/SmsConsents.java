package dev.storeops.messaging.sms;

import java.time.Instant;

/**
 * The customer's SMS choice, kept apart from the profile ({@code CUSTOMER#<id> / SMSCONSENT}): no item =
 * transactional SMS allowed (see {@link SmsPolicy}); an opt-out stops every SMS to that customer.
 */
public interface SmsConsents {
  /** Whether the customer opted out of SMS. */
  boolean optedOut(String customerId);

  /** Records the customer's choice ({@code optedOut} true: no SMS at all). */
  void set(String customerId, boolean optedOut, String by, Instant at);
}
