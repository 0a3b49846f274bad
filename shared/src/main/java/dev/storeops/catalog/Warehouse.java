package dev.storeops.catalog;

/**
 * A shop warehouse; a city with one gets pickup and courier delivery. A warehouse with a till is a
 * <b>shop point</b> ({@code point = true}, docs/points.md): its till's sales decrement its stock.
 */
public record Warehouse(String id, String name, String city, boolean point) {
  /** A warehouse without a till. */
  public Warehouse(String id, String name, String city) {
    this(id, name, city, false);
  }
}
