package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An oversold order is never silent: an order that still holds more units of a SKU × warehouse than
 * are on hand there is flagged short ({@code short = true} on the order) and its manager has a
 * {@code SHORT_STOCK} task for it — or, for at most {@link #SWEEP_GRACE}, its row carries the short-stock
 * mark the count wrote in its own transaction: the flagging after the count failed (a fault, a crash) and
 * the short-stock sweep (every 15 minutes) has not run yet. A mark older than that is broken too.
 */
public final class ShortOrdersFlaggedInvariant implements Invariant {
  static final String TASK_KIND = "SHORT_STOCK";
  /** Four runs of the 15-minute sweep: a run that meets a passing failure is followed by the next. */
  static final Duration SWEEP_GRACE = Duration.ofHours(1);

  @Override
  public String name() {
    return "short orders flagged";
  }

  @Override
  public String pendingOn() {
    return "shortFlags";
  }

  @Override
  public List<String> check(ShopState state) {
    Map<String, Long> onHand = new HashMap<>();
    Map<String, Instant> marked = new HashMap<>();
    state.stock().forEach(s -> {
      onHand.put(s.sku() + "/" + s.warehouse(), s.onHand());
      if (s.shortMarkedAt() != null) {
        marked.put(s.sku() + "/" + s.warehouse(), s.shortMarkedAt());
      }
    });
    List<String> broken = new ArrayList<>();
    for (ShopState.OrderRow o : state.orders()) {
      if (!o.holdsStock()) {
        continue;
      }
      Map<String, Long> qty = new HashMap<>();
      o.reservations().forEach(l -> qty.merge(l.sku() + "/" + l.warehouse(), l.qty(), Long::sum));
      for (var e : qty.entrySet()) {
        long has = onHand.getOrDefault(e.getKey(), 0L);
        if (e.getValue() > has) {
          Instant mark = marked.get(e.getKey());
          boolean sweepDue = mark != null && !mark.plus(SWEEP_GRACE).isBefore(state.at());
          if (!o.shortFlag() && !sweepDue) {
            broken.add(o.id() + " holds " + e.getValue() + " of " + e.getKey() + " where " + has
                + " are on hand, and is not flagged short" + (mark == null ? "" : " (the row was marked for the sweep at "
                + mark + ")"));
          } else if (!o.shortFlag()) {
            continue;
          } else if (state.tasks().stream().noneMatch(t -> o.id().equals(t.orderId()) && TASK_KIND.equals(t.kind()))) {
            broken.add(o.id() + " is short of " + e.getKey() + " but its manager has no " + TASK_KIND + " task");
          }
        }
      }
    }
    return broken;
  }
}
