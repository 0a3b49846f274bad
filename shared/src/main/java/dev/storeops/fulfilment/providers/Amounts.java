package dev.storeops.fulfilment.providers;

import dev.storeops.platform.errors.Invalid;
import java.math.BigDecimal;

/** The providers' decimal amounts ({@code "3590.00"}, Robokassa's {@code "3590.000000"}) ↔ kopecks. */
public final class Amounts {
  private Amounts() {}

  /** {@code 359000} → {@code "3590.00"}. */
  public static String decimal(long minor) {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  /** {@code "3590.00"} → {@code 359000}; anything else (negative, more than kopecks precision) is a 400 naming {@code field}. */
  public static long minor(String decimal, String field) {
    try {
      BigDecimal d = new BigDecimal(decimal.trim());
      if (d.signum() < 0) {
        throw Invalid.field(field, "must not be negative");
      }
      return d.movePointRight(2).stripTrailingZeros().longValueExact();
    } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
      throw Invalid.field(field, "must be an amount in roubles with at most 2 decimals, e.g. 3590.00");
    }
  }
}
