package dev.storeops.reporting;

import dev.storeops.platform.csv.CsvCells;

/** Tiny RFC 4180 helpers for the report CSVs. */
public final class Csv {
  private Csv() {}

  /**
   * A field, quoted when it holds a comma, quote or line break; text that starts like a formula
   * ({@code = + - @}, TAB, CR) is neutralised by {@link CsvCells}.
   */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = CsvCells.neutralise(value);
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
