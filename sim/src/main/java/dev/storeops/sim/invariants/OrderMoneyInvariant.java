package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each order's money adds up, and the cash report holds the money paid (docs/money.md): per order, Σ
 * line totals = {@code itemsTotalMinor}, Σ lines' discounts = the promo's discount ≤ the goods, {@code
 * itemsTotalMinor − discount + deliveryCostMinor = totalMinor}, and each line's {@code costMinor} = what
 * its {@code costs[]} add up to (Σ qty = the line's qty). Cash: a prepaid order that was paid
 * has its cash-in marker with the amount its {@code PAID} payments add up to, a delivered cash-on-delivery
 * order one with its total, a paid order cancelled afterwards, or whose refused parcel came back
 * ({@code RETURNED}), its refund marker with its total, no other
 * order has one, and the cash report's days add up to the markers (Σ {@code inMinor}, Σ {@code refundsMinor} =
 * the refund markers plus the returns' markers).
 */
public final class OrderMoneyInvariant implements Invariant {
  @Override
  public String name() {
    return "order money";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    for (ShopState.OrderMoney m : state.money().orders()) {
      if (m.linesMinor() != m.itemsTotalMinor()) {
        broken.add(m.orderId() + ": lines add up to " + m.linesMinor() + " but itemsTotalMinor is " + m.itemsTotalMinor());
      }
      if (m.linesDiscountMinor() != m.discountMinor()) {
        broken.add(m.orderId() + ": the lines' discounts add up to " + m.linesDiscountMinor() + " but the promo's is "
            + m.discountMinor());
      }
      if (m.discountMinor() > m.itemsTotalMinor()) {
        broken.add(m.orderId() + ": discount " + m.discountMinor() + " above the goods " + m.itemsTotalMinor());
      }
      for (ShopState.LineCost c : m.costs()) {
        if (c.costsQty() != c.qty() || !java.util.Objects.equals(c.costMinor(), c.costsMinor())) {
          broken.add(m.orderId() + ": line " + c.sku() + " of " + c.qty() + " costs " + c.costMinor()
              + " but its costs[] add up to " + c.costsQty() + " units, " + c.costsMinor());
        }
      }
      if (m.itemsTotalMinor() - m.discountMinor() + m.deliveryMinor() != m.totalMinor()) {
        broken.add(m.orderId() + ": items " + m.itemsTotalMinor() + " − discount " + m.discountMinor() + " + delivery "
            + m.deliveryMinor() + " ≠ total " + m.totalMinor());
      }
    }
    Map<String, Long> expectedIn = new HashMap<>();
    Map<String, Long> expectedRefund = new HashMap<>();
    for (ShopState.OrderRow o : state.orders()) {
      boolean cod = "CASH_ON_DELIVERY".equals(o.paymentMethod());
      boolean in = false;
      boolean refunded = false;
      for (ShopState.Change c : o.history()) {
        if (!in && (cod ? "DELIVERED" : "PAID").equals(c.status())) {
          in = true;
        } else if (in && !cod && ("CANCELLED".equals(c.status()) || "RETURNED".equals(c.status()))) {
          // a paid order cancelled, or its refused parcel back in the warehouse (docs/returns.md)
          refunded = true;
        }
      }
      if (in) {
        long paid = cod ? o.totalMinor() : o.payments().stream().filter(p -> "PAID".equals(p.outcome()))
            .mapToLong(ShopState.Payment::amountMinor).sum();
        expectedIn.put(o.id(), paid);
      }
      if (refunded) {
        expectedRefund.put(o.id(), o.totalMinor());
      }
    }
    compare("cash in", expectedIn, state.money().cashInByOrder(), broken);
    compare("refund", expectedRefund, state.money().refundsByOrder(), broken);
    long in = state.money().cashInByOrder().values().stream().mapToLong(Long::longValue).sum();
    // a return after delivery refunds on its own marker (REPORT#ORDER#<id> / RETURN#<n>, docs/returns.md)
    long out = state.money().refundsByOrder().values().stream().mapToLong(Long::longValue).sum()
        + state.money().returnRefundsMinor();
    if (state.money().cashInMinor() != in || state.money().cashRefundsMinor() != out) {
      broken.add("cash report: in " + state.money().cashInMinor() + ", refunds " + state.money().cashRefundsMinor()
          + "; the orders' cash markers say " + in + ", " + out);
    }
    return broken;
  }

  private static void compare(String what, Map<String, Long> expected, Map<String, Long> counted, List<String> broken) {
    expected.forEach((order, amount) -> {
      Long got = counted.get(order);
      if (got == null || got.longValue() != amount) {
        broken.add(order + ": " + what + " should be " + amount + " but the cash report counted "
            + (got == null ? "nothing" : got));
      }
    });
    counted.keySet().stream().filter(o -> !expected.containsKey(o)).sorted()
        .forEach(o -> broken.add(o + ": the cash report counted a " + what + " of " + counted.get(o)
            + " the order does not have"));
  }
}
