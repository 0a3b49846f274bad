package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored figures of one day (orders by their creation day in the shop's time zone), in total and
 * per channel, and the cancellations by reason.
 */
public record SalesDay(LocalDate day, Figures total, Map<String, Figures> byChannel, Map<String, Long> cancelReasons) {

  public SalesDay {
    byChannel = new TreeMap<>(byChannel);
    cancelReasons = new TreeMap<>(cancelReasons);
  }

  public static SalesDay empty(LocalDate day) {
    return new SalesDay(day, Figures.ZERO, Map.of(), Map.of());
  }

  /** Raw counters: placed orders and their total, cancelled orders and their total. */
  public record Figures(long orders, long grossMinor, long cancelled, long cancelledMinor) {
    public static final Figures ZERO = new Figures(0, 0, 0, 0);

    public Figures plus(Figures o) {
      return new Figures(orders + o.orders, grossMinor + o.grossMinor, cancelled + o.cancelled,
          cancelledMinor + o.cancelledMinor);
    }

    /** Orders that were not cancelled. */
    public long netOrders() {
      return orders - cancelled;
    }

    /** Revenue: total of the orders that were not cancelled. */
    public long revenueMinor() {
      return grossMinor - cancelledMinor;
    }

    /** Average check: revenue / net orders, rounded half up to a kopeck; 0 without orders. */
    public long averageCheckMinor() {
      long n = netOrders();
      return n <= 0 ? 0 : Math.floorDiv(2 * revenueMinor() + n, 2 * n);
    }
  }
}
