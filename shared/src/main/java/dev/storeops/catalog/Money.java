package dev.storeops.catalog;

/** Money texts for people: kopecks → {@code 1 234,50 ₽}. */
public final class Money {
  private Money() {}

  public static String rub(long minor) {
    boolean negative = minor < 0;
    long abs = Math.abs(minor);
    String units = Long.toString(abs / 100);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < units.length(); i++) {
      if (i > 0 && (units.length() - i) % 3 == 0) {
        grouped.append(' ');
      }
      grouped.append(units.charAt(i));
    }
    long cents = abs % 100;
    return (negative ? "-" : "") + grouped + "," + (cents < 10 ? "0" : "") + cents + " ₽";
  }
}
