package dev.storeops.reporting;

import dev.storeops.platform.errors.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What an expense must be: a date (not more than a year ahead), one of the categories, an amount in
 * roubles with at most 2 decimals above 0 (a bank export's minus sign and spaces are accepted: "−1 500,00"
 * is 1 500 ₽ paid out), a note of at most 500 characters.
 */
public final class ExpenseRules {
  public static final List<String> CATEGORIES = List.of("delivery", "advertising", "rent", "salaries", "fees", "other");

  private ExpenseRules() {}

  /** The body of {@code POST /staff/expenses}: amount in kopecks. */
  public record Request(String date, String category, Long amountMinor, String note) {}

  public static LocalDate date(String raw, String field, Validation v, LocalDate today) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required (yyyy-MM-dd)");
      return null;
    }
    String t = raw.strip();
    try {
      LocalDate d = t.matches("\\d\\d\\.\\d\\d\\.\\d{4}")
          ? LocalDate.of(Integer.parseInt(t.substring(6)), Integer.parseInt(t.substring(3, 5)), Integer.parseInt(t.substring(0, 2)))
          : LocalDate.parse(t);
      if (d.isAfter(today.plusYears(1))) {
        v.error(field, "must not be more than a year ahead");
      }
      return d;
    } catch (java.time.DateTimeException e) {
      v.error(field, "must be a date yyyy-MM-dd (or dd.MM.yyyy)");
      return null;
    }
  }

  public static String category(String raw, String field, Validation v) {
    String c = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (!CATEGORIES.contains(c)) {
      v.error(field, "must be one of " + String.join(", ", CATEGORIES));
      return null;
    }
    return c;
  }

  public static Long amountMinor(Long minor, String field, Validation v) {
    if (minor == null || minor <= 0) {
      v.error(field, "must be a positive number of kopecks");
      return null;
    }
    return minor;
  }

  /** Roubles as written in a bank export: "1500", "1 500,00", "-1500.5", "1 500,00 ₽". */
  public static Long roubles(String raw, String field, Validation v) {
    String t = raw == null ? "" : raw.replace("\u00a0", "").replace(" ", "").replace("₽", "").replace("руб.", "")
        .replace('\u2212', '-').replace(',', '.').strip();
    try {
      BigDecimal value = new BigDecimal(t).abs();
      if (value.scale() > 2 || value.signum() == 0) {
        throw new NumberFormatException();
      }
      return value.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      v.error(field, "must be an amount in roubles above 0 with at most 2 decimals");
      return null;
    }
  }

  public static String note(String raw, String field, Validation v) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String n = raw.strip();
    if (n.length() > 500) {
      v.error(field, "must be at most 500 characters");
      return null;
    }
    return n;
  }
}
