package dev.storeops.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shop customer: contacts, consent and preferences.
 *
 * @param marketingConsent confirmed marketing consent (double opt-in done, or given before double
 *     opt-in existed); only this lets marketing mail go
 * @param consentConfirmedAt when the double opt-in link was confirmed
 * @param consentPendingSince consent given on a form, waiting for the confirmation link
 * @param consentHistory every consent step, oldest first (see {@link ConsentEvent})
 */
public record Customer(
    String id,
    String email,
    String name,
    String phone,
    LocalDate birthday,
    boolean marketingConsent,
    Instant consentChangedAt,
    String locale,
    Instant createdAt,
    String managerId,
    Instant consentConfirmedAt,
    Instant consentPendingSince,
    List<ConsentEvent> consentHistory) {

  public Customer {
    consentHistory = consentHistory == null ? List.of() : List.copyOf(consentHistory);
  }

  /** A customer without consent steps on record (imports, tests, consent given before double opt-in). */
  public Customer(String id, String email, String name, String phone, LocalDate birthday, boolean marketingConsent,
      Instant consentChangedAt, String locale, Instant createdAt, String managerId) {
    this(id, email, name, phone, birthday, marketingConsent, consentChangedAt, locale, createdAt, managerId,
        null, null, List.of());
  }

  /** The e-mail as it is compared for uniqueness: trimmed, lower case. */
  public static String emailKey(String email) {
    return email.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
