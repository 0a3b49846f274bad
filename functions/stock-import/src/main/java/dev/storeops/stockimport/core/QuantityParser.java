package dev.storeops.stockimport.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a quantity as Russian supplier lists write it: {@code 15}, {@code 15.0}, {@code 1 234}
 * (space or NBSP thousands), {@code 12,5} (fractions round down), {@code 5 шт}/{@code шт.}/{@code
 * pcs}, {@code > 10}/{@code более 10}/{@code больше 10}/{@code от 10} (→ 10) and the profile's words.
 * Anything else is an error with a reason: an unreadable quantity is never read as 0.
 */
public final class QuantityParser {
  /** Larger quantities are typos, not stock. */
  public static final long MAX_QUANTITY = 1_000_000_000L;

  private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*(шт\\.?|штук|pcs\\.?|pc\\.?)$");
  private static final Pattern LOWER_BOUND = Pattern.compile("^(>=|>|более|больше|свыше|от)\\s*(.+)$");
  private static final Pattern NUMBER = Pattern.compile("^([+-]?)(\\d{1,3}(?: \\d{3})+|\\d+)(?:[.,](\\d+))?$");

  private final Map<String, Long> words;

  public QuantityParser(Map<String, Long> words) {
    this.words = words == null ? Map.of() : words;
  }

  /** The outcome of reading one cell: a quantity or the reason it was rejected. */
  public record Result(long quantity, String error) {
    public boolean ok() {
      return error == null;
    }

    static Result of(long q) {
      return new Result(q, null);
    }

    static Result error(String reason) {
      return new Result(-1, reason);
    }
  }

  public Result parse(String raw) {
    if (raw == null || Text.isBlank(raw)) {
      return Result.error("quantity is empty");
    }
    long plain = plainDigits(raw);
    if (plain >= 0) {
      return Result.of(plain);
    }
    String s = Text.normalize(raw);
    Long word = words.get(s);
    if (word != null) {
      return Result.of(word);
    }
    Matcher unit = UNIT.matcher(s);
    if (unit.matches() && !unit.group(1).isEmpty()) {
      s = unit.group(1).trim();
      word = words.get(s);
      if (word != null) {
        return Result.of(word);
      }
    }
    Matcher bound = LOWER_BOUND.matcher(s);
    if (bound.matches()) {
      s = bound.group(2).trim();
    }
    Matcher number = NUMBER.matcher(s);
    if (!number.matches()) {
      return Result.error("quantity not readable: '" + shorten(raw) + "'");
    }
    String whole = number.group(2).replace(" ", "");
    String fraction = number.group(3);
    BigDecimal value = new BigDecimal(fraction == null ? whole : whole + "." + fraction);
    if ("-".equals(number.group(1)) && value.signum() != 0) {
      return Result.error("negative quantity: '" + shorten(raw) + "'");
    }
    BigDecimal floor = value.setScale(0, RoundingMode.DOWN);
    if (floor.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
      return Result.error("quantity too large: '" + shorten(raw) + "'");
    }
    return Result.of(floor.longValueExact());
  }

  /** The fast path: up to 9 ASCII digits, optionally followed by ".0…" (a spreadsheet number); else -1. */
  private static long plainDigits(String raw) {
    int n = raw.length();
    int end = n;
    int dot = raw.indexOf('.');
    if (dot > 0) {
      for (int i = dot + 1; i < n; i++) {
        if (raw.charAt(i) != '0') {
          return -1;
        }
      }
      end = dot;
    }
    if (end == 0 || end > 9) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < end; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static String shorten(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
  }
}
