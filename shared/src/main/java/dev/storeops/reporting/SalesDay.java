package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored figures of one day (orders by their creation day in the shop's time zone), in total and
 * per channel, the cancellations by reason and the promo discounts given per campaign.
 *
 * @param discounts per campaign id (or {@code birthday}): discount given, net of cancellations, kopecks
 */
public record SalesDay(LocalDate day, Figures total, Map<String, Figures> byChannel, Map<String, Long> cancelReasons,
    Map<String, Long> discounts) {

  public SalesDay {
    byChannel = new TreeMap<>(byChannel);
    cancelReasons = new TreeMap<>(cancelReasons);
    discounts = new TreeMap<>(discounts);
  }

  public SalesDay(LocalDate day, Figures total, Map<String, Figures> byChannel, Map<String, Long> cancelReasons) {
    this(day, total, byChannel, cancelReasons, Map.of());
  }

  public static SalesDay empty(LocalDate day) {
    return new SalesDay(day, Figures.ZERO, Map.of(), Map.of());
  }

  /**
   * Raw counters: placed orders and their total, cancelled orders (and refused parcels) and their total,
   * the purchase cost of the placed and of the cancelled orders' goods, and the returns after delivery:
   * how many, the money they give back and the purchase cost of the units returned (docs/returns.md);
   * {@code unknownCostUnits}: units sold at a shop point's till without a known purchase price (their cost
   * counts 0 in {@code costMinor}: the margin on them is overstated; docs/points.md#money).
   */
  public record Figures(long orders, long grossMinor, long cancelled, long cancelledMinor, long costMinor,
      long cancelledCostMinor, long returns, long returnedMinor, long returnedCostMinor, long unknownCostUnits) {
    public static final Figures ZERO = new Figures(0, 0, 0, 0);

    /** Every unit of known cost (orders: their lines' costs as reserved). */
    public Figures(long orders, long grossMinor, long cancelled, long cancelledMinor, long costMinor,
        long cancelledCostMinor, long returns, long returnedMinor, long returnedCostMinor) {
      this(orders, grossMinor, cancelled, cancelledMinor, costMinor, cancelledCostMinor, returns, returnedMinor,
          returnedCostMinor, 0);
    }

    public Figures(long orders, long grossMinor, long cancelled, long cancelledMinor) {
      this(orders, grossMinor, cancelled, cancelledMinor, 0, 0);
    }

    /** Without returns. */
    public Figures(long orders, long grossMinor, long cancelled, long cancelledMinor, long costMinor,
        long cancelledCostMinor) {
      this(orders, grossMinor, cancelled, cancelledMinor, costMinor, cancelledCostMinor, 0, 0, 0);
    }

    public Figures plus(Figures o) {
      return new Figures(orders + o.orders, grossMinor + o.grossMinor, cancelled + o.cancelled,
          cancelledMinor + o.cancelledMinor, costMinor + o.costMinor, cancelledCostMinor + o.cancelledCostMinor,
          returns + o.returns, returnedMinor + o.returnedMinor, returnedCostMinor + o.returnedCostMinor,
          unknownCostUnits + o.unknownCostUnits);
    }

    /** Orders that were not cancelled. */
    public long netOrders() {
      return orders - cancelled;
    }

    /** Revenue: total of the orders that were not cancelled, less what returns gave back. */
    public long revenueMinor() {
      return grossMinor - cancelledMinor - returnedMinor;
    }

    /** Cost of goods sold: purchase cost of the orders that were not cancelled, less the units returned. */
    public long netCostMinor() {
      return costMinor - cancelledCostMinor - returnedCostMinor;
    }

    /** Gross margin: revenue − cost of goods sold. */
    public long marginMinor() {
      return revenueMinor() - netCostMinor();
    }

    /** Average check: revenue / net orders, rounded half up to a kopeck; 0 without orders. */
    public long averageCheckMinor() {
      long n = netOrders();
      return n <= 0 ? 0 : Math.floorDiv(2 * revenueMinor() + n, 2 * n);
    }
  }
}
