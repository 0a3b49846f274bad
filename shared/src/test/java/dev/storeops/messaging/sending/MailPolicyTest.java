package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailIntent.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final MailPolicy policy = new MailPolicy(MailPolicy.DEFAULT_CAP, "ru");

  static Customer customer(boolean consent, String locale) {
    return new Customer("cus_1", "a@example.com", "A", "+79123456789", null, consent, null, locale, NOW, null);
  }

  @Test
  void marketingNeedsConsent() {
    assertEquals(Optional.of(MailPolicy.SkipReason.NO_CONSENT), policy.check(Category.MARKETING, customer(false, "ru"), false, null, NOW));
    assertEquals(Optional.of(MailPolicy.SkipReason.NO_CONSENT), policy.check(Category.MARKETING, null, false, null, NOW));
    assertEquals(Optional.empty(), policy.check(Category.MARKETING, customer(true, "ru"), false, null, NOW));
    assertEquals(Optional.empty(), policy.check(Category.TRANSACTIONAL, customer(false, "ru"), false, null, NOW));
  }

  @Test
  void consentGivenOnAFormButNotYetConfirmedIsNoConsent() {
    Customer pending = dev.storeops.customers.CustomerRules.register(new dev.storeops.customers.CustomerRegistration(
        "a@example.com", "A", "+79123456789", null, true, "ru"), "cus_1", "ru", java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    assertEquals(NOW, pending.consentPendingSince());
    assertEquals(Optional.of(MailPolicy.SkipReason.NO_CONSENT), policy.check(Category.MARKETING, pending, false, null, NOW),
        "double opt-in: no marketing mail before the confirmation");
    assertEquals(Optional.empty(), policy.check(Category.TRANSACTIONAL, pending, false, null, NOW),
        "the welcome and the confirmation mail are transactional");
  }

  @Test
  void suppressedAddressesGetNothingOfAnyCategory() {
    for (Category c : Category.values()) {
      assertEquals(Optional.of(MailPolicy.SkipReason.SUPPRESSED), policy.check(c, customer(true, "ru"), true, null, NOW));
    }
  }

  @Test
  void oneMarketingMailPer16Hours() {
    Customer c = customer(true, "ru");
    Instant last = NOW.minus(Duration.ofHours(16)).plusSeconds(1);
    assertEquals(Optional.of(MailPolicy.SkipReason.CAPPED), policy.check(Category.MARKETING, c, false, last, NOW));
    assertEquals(Optional.empty(), policy.check(Category.MARKETING, c, false, NOW.minus(Duration.ofHours(16)), NOW));
    assertEquals(Optional.empty(), policy.check(Category.TRANSACTIONAL, c, false, NOW, NOW), "transactional is not capped");
    assertEquals(Optional.empty(), policy.check(Category.STAFF, null, false, NOW, NOW));
    MailPolicy hourly = new MailPolicy(Duration.ofHours(1), "ru");
    assertEquals(Optional.empty(), hourly.check(Category.MARKETING, c, false, NOW.minus(Duration.ofHours(1)), NOW));
  }

  @Test
  void localeIsTheIntentsElseTheCustomersElseTheShopDefault() {
    Set<String> supported = Set.of("ru", "en");
    assertEquals("en", policy.locale("en", customer(true, "ru"), supported));
    assertEquals("en", policy.locale(null, customer(true, "en"), supported));
    assertEquals("ru", policy.locale(null, null, supported));
    assertEquals("en", policy.locale("de", customer(true, "EN"), supported));
    assertEquals("en", new MailPolicy(MailPolicy.DEFAULT_CAP, "en").locale("fr", null, supported));
  }
}
