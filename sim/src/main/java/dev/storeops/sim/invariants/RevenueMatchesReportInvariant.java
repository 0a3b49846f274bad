package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The money adds up: the sales report of the simulated period (revenue = totals of the orders placed and
 * not cancelled nor refused, less what their returns after delivery gave back, plus the shop points' till
 * receipts; docs/reports.md, docs/returns.md, docs/points.md) equals what the orders and receipts say,
 * order, cancellation and return counts included;
 * and a prepaid order that went past payment (ready to ship, shipped, delivered) was paid exactly its
 * total by successful payment events.
 */
public final class RevenueMatchesReportInvariant implements Invariant {
  private static final Set<String> PAST_PAYMENT = Set.of("READY_TO_SHIP", "SHIPPED", "DELIVERED");

  @Override
  public String name() {
    return "revenue matches report";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    long orders = state.orders().size();
    // a refused parcel is no sale (taken back like a cancellation); returns after delivery give money back
    long cancelled = state.orders().stream().filter(o -> o.status().equals("CANCELLED") || o.refused()).count();
    long returns = state.orders().stream().mapToLong(o -> o.returns().size()).sum();
    long returned = state.orders().stream().flatMap(o -> o.returns().stream())
        .mapToLong(ShopState.Returned::amountMinor).sum();
    long revenue = state.orders().stream().filter(o -> !o.status().equals("CANCELLED") && !o.refused())
        .mapToLong(ShopState.OrderRow::totalMinor).sum() - returned;
    // the shop points' till receipts count beside the orders (channel OFFLINE:<point>, docs/points.md)
    orders += state.pointSales().size();
    revenue += state.pointSales().stream().mapToLong(ShopState.PointSaleRow::totalMinor).sum();
    ShopState.Report r = state.report();
    if (r == null) {
      broken.add("no sales report");
      return broken;
    }
    if (r.orders() != orders || r.cancelled() != cancelled || r.revenueMinor() != revenue || r.returns() != returns
        || r.returnedMinor() != returned) {
      broken.add("sales report " + r.from() + ".." + r.to() + ": " + r.orders() + " orders, " + r.cancelled()
          + " cancelled, revenue " + r.revenueMinor() + " (returns " + r.returns() + ": " + r.returnedMinor()
          + "); the orders say " + orders + ", " + cancelled + ", " + revenue + " (returns " + returns + ": "
          + returned + ")");
    }
    for (ShopState.OrderRow o : state.orders()) {
      if (o.paymentMethod().equals("CASH_ON_DELIVERY") || !PAST_PAYMENT.contains(o.status())) {
        continue;
      }
      long paid = o.payments().stream().filter(p -> "PAID".equals(p.outcome())).mapToLong(ShopState.Payment::amountMinor).sum();
      if (paid != o.totalMinor()) {
        broken.add(o.id() + ": " + o.status() + ", prepaid, total " + o.totalMinor() + " but paid " + paid);
      }
    }
    return broken;
  }
}
