package dev.storeops.sim.invariants;

import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business metrics ops sees (EMF, docs/operations.md) count what the shop did: {@code OrdersPlaced}
 * per channel = the orders stored through that channel; {@code MailsSent} = the mails SES accepted;
 * {@code OrdersShort} ≥ the rises of the short flag seen between checks (clean run only); {@code ImportsApplied} + {@code
 * ImportsRefused} = the supplier files dropped, none {@code ImportsQuarantined} (the simulation's files are
 * all readable). In a run without faults every count is exact; under injected faults and crashes a count
 * may be lost with its crashed process (and imports retried after a crash may count twice), but orders,
 * mails and short flags are never counted that did not happen.
 */
public final class MetricsMatchInvariant implements Invariant {
  @Override
  public String name() {
    return "metrics match";
  }

  @Override
  public List<String> check(ShopState state) {
    ShopState.Metrics m = state.metrics();
    List<String> broken = new ArrayList<>();
    Map<String, Long> stored = new TreeMap<>(m.ordersByChannel());
    for (String channel : List.of("site", "phone", "email")) {
      stored.putIfAbsent(channel, 0L);
    }
    stored.forEach((channel, orders) -> compare(broken, m, ShopMetrics.ORDERS_PLACED + "{Channel=" + channel + "}",
        orders, "orders stored through " + channel));
    compare(broken, m, ShopMetrics.MAILS_SENT, state.mails().size(), "mails SES accepted");
    // OrdersShort counts every flag write that made an order short; the checks see the flag once an hour, so
    // a flag raised, cleared and raised again within the hour (a till selling the point's last units while a
    // cancellation frees some: docs/simulation.md, open findings) is counted twice and seen once. In the clean
    // run the metric is then at least the rises seen (a lost count still fails); under faults a count may also
    // be lost with its crashed process, so neither bound holds there and it is not judged.
    long shortCounted = m.emitted(ShopMetrics.ORDERS_SHORT);
    if (m.lossless() && shortCounted < m.shortFlagsRaised()) {
      broken.add(ShopMetrics.ORDERS_SHORT + " = " + shortCounted + " but " + m.shortFlagsRaised()
          + " orders newly flagged short were seen");
    }
    if (m.lossless()) {
      long files = m.emitted(ShopMetrics.IMPORTS_APPLIED) + m.emitted(ShopMetrics.IMPORTS_REFUSED);
      if (files != m.supplierFiles()) {
        broken.add("ImportsApplied + ImportsRefused = " + files + " but " + m.supplierFiles() + " supplier files were dropped");
      }
      if (m.emitted(ShopMetrics.IMPORTS_QUARANTINED) != 0) {
        broken.add("ImportsQuarantined = " + m.emitted(ShopMetrics.IMPORTS_QUARANTINED) + " but every supplier file was readable");
      }
    }
    return broken;
  }

  private static void compare(List<String> broken, ShopState.Metrics m, String key, long happened, String what) {
    long counted = m.emitted(key);
    if (counted > happened || (m.lossless() && counted != happened)) {
      broken.add(key + " = " + counted + " but " + happened + " " + what
          + (m.lossless() ? "" : " (under faults a count may be lost, never invented)"));
    }
  }
}
