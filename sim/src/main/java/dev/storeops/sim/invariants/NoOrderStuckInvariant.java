package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * No order is stuck past its rule's deadline without a task or a terminal state (docs/payments.md),
 * allowing {@link #SLACK} for the schedules (every 5–15 minutes) and the queues:
 * <ul>
 *   <li>a cash-on-delivery order still NEW has its "confirm by phone" task;</li>
 *   <li>a prepaid order unpaid 72 h after creation has its "call about payment" task, and 72 + 48 h after
 *       creation it is cancelled;</li>
 *   <li>PAID and CONFIRMED move on to READY_TO_SHIP at once (paid orders ship; confirmed orders ship).</li>
 * </ul>
 */
public final class NoOrderStuckInvariant implements Invariant {
  public static final Duration SLACK = Duration.ofHours(1);
  static final Duration REMINDER = Duration.ofHours(72);
  static final Duration GRACE = Duration.ofHours(48);

  @Override
  public String name() {
    return "no order stuck";
  }

  @Override
  public List<String> check(ShopState state) {
    List<String> broken = new ArrayList<>();
    Instant now = state.at();
    for (ShopState.OrderRow o : state.orders()) {
      Duration age = Duration.between(o.createdAt(), now);
      if (age.compareTo(SLACK) < 0 || SweptLater.exempt(state, o)) {
        continue;
      }
      switch (o.status()) {
        case "NEW" -> requireTask(state, o, "confirm-by-phone", broken);
        case "AWAITING_PAYMENT" -> {
          if (age.compareTo(REMINDER.plus(GRACE).plus(SLACK)) > 0) {
            broken.add(o.id() + ": unpaid " + age.toHours() + " h after creation and still AWAITING_PAYMENT (cancelled at 120 h)");
          } else if (age.compareTo(REMINDER.plus(SLACK)) > 0) {
            requireTask(state, o, "call-about-payment", broken);
          }
        }
        case "PAID", "CONFIRMED" -> {
          Instant since = o.history().get(o.history().size() - 1).at();
          if (Duration.between(since, now).compareTo(SLACK) > 0) {
            broken.add(o.id() + ": " + o.status() + " since " + since + " and not READY_TO_SHIP");
          }
        }
        default -> { }
      }
    }
    return broken;
  }

  private static void requireTask(ShopState state, ShopState.OrderRow o, String kind, List<String> broken) {
    boolean has = state.tasks().stream().anyMatch(t -> o.id().equals(t.orderId()) && kind.equals(t.kind()));
    if (!has) {
      broken.add(o.id() + ": " + o.status() + " since " + o.createdAt() + " without a " + kind + " task");
    }
  }

  /** Orders whose client gave up after an error are the sweeper's (issue 12 item 2): exempt while it is pending. */
  static final class SweptLater {
    private SweptLater() {}

    static boolean exempt(ShopState state, ShopState.OrderRow o) {
      if (!state.facts().pending().contains("sweeper")) {
        return false;
      }
      Instant gaveUp = state.facts().gaveUp().get(o.customerId());
      return gaveUp != null && Set.of(gaveUp).stream().anyMatch(g -> !o.createdAt().isAfter(g)
          && Duration.between(o.createdAt(), g).compareTo(Duration.ofMinutes(15)) <= 0);
    }
  }
}
