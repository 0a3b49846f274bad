package dev.storeops.stockimport.core;

import java.util.regex.Pattern;

/** SKU normalisation: trimmed; a number written as {@code 125.0} loses the {@code .0}; text keeps leading zeros. */
public final class Skus {
  public static final int MAX_LENGTH = 64;
  private static final Pattern NUMERIC_WITH_ZERO_FRACTION = Pattern.compile("^\\d+\\.0+$");

  private Skus() {}

  /** The normalised SKU, or {@code null} when the cell holds none. */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.indexOf('\u00A0') >= 0 ? raw.replace('\u00A0', ' ').strip() : raw.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.indexOf('.') > 0 && NUMERIC_WITH_ZERO_FRACTION.matcher(s).matches()) {
      s = s.substring(0, s.indexOf('.'));
    }
    return s;
  }

  /** Why this SKU cannot be a key, or {@code null} when it can. */
  public static String problem(String sku) {
    if (sku.length() > MAX_LENGTH) {
      return "SKU longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < sku.length(); i++) {
      char c = sku.charAt(i);
      if (c == '#') {
        return "SKU contains '#'";
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return "SKU contains a control character";
      }
    }
    return null;
  }
}
