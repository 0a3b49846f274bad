package dev.storeops.platform.log;

import java.util.regex.Pattern;

/** Masks personal data before it reaches a log line. */
public final class Pii {
  private Pii() {}

  /** {@code anna.petrova@example.com} → {@code a***@example.com}. */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)");
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ()-]{7,}(\\d{2})");

  /** Free text (an error message) with every e-mail address and phone number in it masked as above. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    return PHONE.matcher(EMAIL.matcher(text).replaceAll("$1***$2")).replaceAll("***$1");
  }

  /** Keeps the last two digits only. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 2) {
      return "***";
    }
    return "***" + phone.substring(phone.length() - 2);
  }
}
