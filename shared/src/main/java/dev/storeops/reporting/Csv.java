package dev.storeops.reporting;

/** Tiny RFC 4180 helpers for the report CSVs. */
public final class Csv {
  private Csv() {}

  /** A field, quoted when it holds a comma, quote or line break; formula-starting text is defused. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /** Minor units as a decimal with two places: 123456 → {@code 1234.56}, −5 → {@code -0.05}. */
  public static String money(long minor) {
    String sign = minor < 0 ? "-" : "";
    long abs = Math.abs(minor);
    return sign + abs / 100 + "." + String.format("%02d", abs % 100);
  }
}
