package dev.storeops.customers;

import dev.storeops.platform.errors.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation and normalisation of customer contacts. Plain Java, no AWS. */
public final class CustomerRules {
  public static final Set<String> LOCALES = Set.of("ru", "en");
  private static final Pattern EMAIL = Pattern.compile(
      "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");
  private static final Pattern PHONE_NOISE = Pattern.compile("[\\s()\\-.]");

  private CustomerRules() {}

  /** Validates a registration and returns the normalised customer; 400 listing every bad field. */
  public static Customer register(CustomerRegistration r, String id, String defaultLocale, Clock clock) {
    return register(r, id, defaultLocale, clock, "registration", null, null);
  }

  /**
   * As above; marketing consent ticked on a form is only <em>pending</em> (double opt-in): {@code
   * marketingConsent} stays false until the confirmation link is used, and the history records who gave
   * it, when, from which request and which link was mailed.
   */
  public static Customer register(CustomerRegistration r, String id, String defaultLocale, Clock clock,
      String source, String requestId, String linkId) {
    Validation v = new Validation();
    String email = validEmail(r.email(), "email", v);
    String name = validName(r.name(), "name", v);
    String phone = validPhone(r.phone(), "phone", v, true);
    LocalDate birthday = validBirthday(r.birthday(), v, clock);
    String locale = r.locale() == null ? defaultLocale : r.locale().trim().toLowerCase(Locale.ROOT);
    if (!LOCALES.contains(locale)) {
      v.error("locale", "must be one of " + String.join(", ", LOCALES.stream().sorted().toList()));
    }
    v.throwIfInvalid();
    Instant now = clock.instant();
    boolean consent = Boolean.TRUE.equals(r.marketingConsent());
    return new Customer(id, email, name, phone, birthday, false, null, locale, now, null, null,
        consent ? now : null,
        consent ? List.of(new ConsentEvent(ConsentEvent.Kind.GIVEN, now, source, requestId, linkId)) : List.of());
  }

  public static String validEmail(String raw, String field, Validation v) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required");
      return null;
    }
    String email = raw.trim();
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      v.error(field, "is not a valid e-mail address");
      return null;
    }
    return email;
  }

  public static String validName(String raw, String field, Validation v) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required");
      return null;
    }
    String name = raw.strip().replaceAll("\\s+", " ");
    if (name.length() > 200) {
      v.error(field, "must be at most 200 characters");
      return null;
    }
    return name;
  }

  /** Normalises a phone to {@code +} and 10–15 digits; a Russian 8XXXXXXXXXX becomes +7XXXXXXXXXX. */
  public static String validPhone(String raw, String field, Validation v, boolean required) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        v.error(field, "is required");
      }
      return null;
    }
    String digits = PHONE_NOISE.matcher(raw.trim()).replaceAll("");
    boolean plus = digits.startsWith("+");
    if (plus) {
      digits = digits.substring(1);
    }
    if (!digits.chars().allMatch(Character::isDigit) || digits.length() < 10 || digits.length() > 15) {
      v.error(field, "must be a phone number of 10 to 15 digits, e.g. +7 912 345-67-89");
      return null;
    }
    if (!plus && digits.length() == 11 && digits.startsWith("8")) {
      digits = "7" + digits.substring(1);
    } else if (!plus && digits.length() == 10 && digits.startsWith("9")) {
      digits = "7" + digits;
    }
    return "+" + digits;
  }

  private static LocalDate validBirthday(String raw, Validation v, Clock clock) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(raw.trim());
      LocalDate today = LocalDate.now(clock);
      if (!date.isBefore(today) || date.isBefore(today.minusYears(120))) {
        v.error("birthday", "must be a date in the past 120 years");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      v.error("birthday", "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /** A customer id from a path: letters, digits, {@code _} and {@code -}, at most 100; else 400 naming {@code id}. */
  public static String customerId(String raw) {
    if (raw == null || !CUSTOMER_ID.matcher(raw).matches()) {
      throw dev.storeops.platform.errors.Invalid.field("id", "is not a customer id");
    }
    return raw;
  }
}
