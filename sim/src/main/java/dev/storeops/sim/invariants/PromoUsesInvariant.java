package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A promo code's uses add up (docs/money.md, "Promo codes"): per code, {@code uses} on its item = the orders
 * that used it and were not cancelled (a cancellation gives its use back), and never above {@code maxUses}.
 */
public final class PromoUsesInvariant implements Invariant {
  @Override
  public String name() {
    return "promo uses";
  }

  @Override
  public List<String> check(ShopState state) {
    Map<String, String> status = new HashMap<>();
    state.orders().forEach(o -> status.put(o.id(), o.status()));
    Map<String, Long> used = new HashMap<>();
    for (ShopState.OrderMoney m : state.money().orders()) {
      if (m.promoCode() != null && !"CANCELLED".equals(status.get(m.orderId()))) {
        used.merge(m.promoCode(), 1L, Long::sum);
      }
    }
    List<String> broken = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    for (ShopState.Promo p : state.money().promos()) {
      known.add(p.code());
      long orders = used.getOrDefault(p.code(), 0L);
      if (p.uses() != orders) {
        broken.add("promo " + p.code() + ": uses " + p.uses() + " but " + orders + " orders not cancelled used it");
      }
      if (p.maxUses() != null && p.uses() > p.maxUses()) {
        broken.add("promo " + p.code() + ": uses " + p.uses() + " above its limit " + p.maxUses());
      }
    }
    used.keySet().stream().filter(c -> !known.contains(c)).sorted()
        .forEach(c -> broken.add("orders used promo " + c + " but no such code is stored"));
    return broken;
  }
}
