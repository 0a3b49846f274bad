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
 * {@code OrdersShort} = the rises of orders' short flag (read from the table's stream); {@code ImportsApplied} + {@code
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
    // OrdersShort counts each write that made an order short; the simulation reads the same rises from the
    // table's stream (a flag raised, cleared and raised again within the hour is two rises, as it is two
    // counts). Exact in the clean run; under faults a count may be lost with its crashed process, never invented.
    compare(broken, m, ShopMetrics.ORDERS_SHORT, m.shortFlagsRaised(), "rises of orders' short flag in the table's stream");
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
