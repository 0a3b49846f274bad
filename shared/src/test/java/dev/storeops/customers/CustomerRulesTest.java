package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import dev.storeops.platform.http.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomerRulesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private static Customer register(CustomerRegistration r) {
    return CustomerRules.register(r, "cus_1", "ru", CLOCK);
  }

  @Test
  void normalisesAValidRegistration() {
    Customer c = register(new CustomerRegistration("  Anna@Example.COM ", "  Анна   Петрова ",
        "8 (912) 345-67-89", "1990-05-17", true, "EN"));
    assertEquals("Anna@Example.COM", c.email());
    assertEquals("anna@example.com", Customer.emailKey(c.email()));
    assertEquals("Анна Петрова", c.name());
    assertEquals("+79123456789", c.phone());
    assertEquals(LocalDate.of(1990, 5, 17), c.birthday());
    assertFalse(c.marketingConsent(), "consent on the form is pending until the double opt-in link is confirmed");
    assertNull(c.consentChangedAt());
    assertEquals(CLOCK.instant(), c.consentPendingSince());
    assertEquals(1, c.consentHistory().size());
    assertEquals(ConsentEvent.Kind.GIVEN, c.consentHistory().get(0).kind());
    assertEquals(CLOCK.instant(), c.consentHistory().get(0).at());
    assertEquals("en", c.locale());
  }

  @Test
  void consentIsOffUnlessGivenAndLocaleDefaultsToTheShops() {
    Customer c = register(new CustomerRegistration("a@b.co", "A", "+44 20 7946 0958", null, null, null));
    assertFalse(c.marketingConsent());
    assertNull(c.consentChangedAt());
    assertNull(c.consentPendingSince());
    assertTrue(c.consentHistory().isEmpty());
    assertEquals("ru", c.locale());
    assertEquals("+442079460958", c.phone());
    assertNull(c.birthday());
  }

  @Test
  void listsEveryOffendingField() {
    DomainException e = assertThrows(DomainException.class, () -> register(
        new CustomerRegistration("not-an-email", " ", "12", "17.05.1990", false, "de")));
    Problem p = Problems.of(e);
    assertEquals(400, p.status());
    Set<String> fields = p.errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet());
    assertEquals(Set.of("email", "name", "phone", "birthday", "locale"), fields);
  }

  @ParameterizedTest
  @CsvSource({"2026-11-23", "2027-01-01", "1890-01-01"})
  void birthdayMustBeInThePast120Years(String birthday) {
    DomainException e = assertThrows(DomainException.class, () -> register(
        new CustomerRegistration("a@b.co", "A", "+79123456789", birthday, false, "ru")));
    assertEquals(List.of("birthday"), Problems.of(e).errors().stream().map(Problem.FieldError::field).toList());
  }

  @ParameterizedTest
  @CsvSource({"plainaddress", "@example.com", "a@b", "a b@example.com", "a@-example.com"})
  void rejectsMalformedEmails(String email) {
    DomainException e = assertThrows(DomainException.class, () -> register(
        new CustomerRegistration(email, "A", "+79123456789", null, false, "ru")));
    assertEquals("email", Problems.of(e).errors().get(0).field());
  }
}
