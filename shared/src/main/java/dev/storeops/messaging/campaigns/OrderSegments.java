package dev.storeops.messaging.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Campaign segments built on order history, as stored in a campaign's {@code segment} text:
 * {@code bought-in-category:<category>} and {@code ordered-in-last-days:<N>} (1–365). Plain Java.
 */
public final class OrderSegments {
  public static final String BOUGHT_IN_CATEGORY = "bought-in-category";
  public static final String ORDERED_IN_LAST_DAYS = "ordered-in-last-days";
  public static final int MAX_DAYS = 365;
  private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N} _.&/-]{1,100}");

  private OrderSegments() {}

  /** A parsed order segment: {@code category} for the first kind, {@code days} for the second. */
  public record Segment(String type, String category, int days) {
    /** Customers whose last order is at or after this moment (ordered-in-last-days). */
    public Instant since(Instant now) {
      return now.minus(Duration.ofDays(days));
    }

    public String text() {
      return BOUGHT_IN_CATEGORY.equals(type) ? type + ":" + category : type + ":" + days;
    }
  }

  /** The category as indexed: trimmed, lower case (so "Чай" and "чай " are one segment). */
  public static String categoryKey(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }

  public static boolean validCategory(String category) {
    return category != null && CATEGORY.matcher(category.strip()).matches();
  }

  public static boolean validDays(Integer days) {
    return days != null && days >= 1 && days <= MAX_DAYS;
  }

  public static String boughtInCategory(String category) {
    return BOUGHT_IN_CATEGORY + ":" + categoryKey(category);
  }

  public static String orderedInLastDays(int days) {
    return ORDERED_IN_LAST_DAYS + ":" + days;
  }

  /** The segment, when {@code text} is one of the order segments (else empty). */
  public static Optional<Segment> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String type = text.substring(0, colon);
    String arg = text.substring(colon + 1);
    if (BOUGHT_IN_CATEGORY.equals(type) && validCategory(arg)) {
      return Optional.of(new Segment(type, categoryKey(arg), 0));
    }
    if (ORDERED_IN_LAST_DAYS.equals(type)) {
      try {
        int days = Integer.parseInt(arg);
        return validDays(days) ? Optional.of(new Segment(type, null, days)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
