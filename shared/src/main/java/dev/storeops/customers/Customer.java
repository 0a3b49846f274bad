package dev.storeops.customers;

import java.time.Instant;
import java.time.LocalDate;

/** A shop customer: contacts, consent and preferences. */
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
    String managerId) {

  /** The e-mail as it is compared for uniqueness: trimmed, lower case. */
  public static String emailKey(String email) {
    return email.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
