package dev.storeops.platform.log;

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

  /** Keeps the last two digits only. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 2) {
      return "***";
    }
    return "***" + phone.substring(phone.length() - 2);
  }
}
