package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's payment-deadline run, as {@link UnpaidPrepaymentPolicy} decides for each order whose
 * deadline has passed: REMIND (72 h after creation by default) → the "call about payment" task and the
 * reminder mail, then the order waits the grace period (48 h by default); CANCEL → cancelled
 * PAYMENT_TIMEOUT (stock released in the same write), then NOTIFY → the customer's cancellation mail
 * and the order off the index. Each step moves or removes the index entry conditionally, so a repeated
 * run redoes nothing; an order that fails is retried on the next run.
 */
public final class ExpireUnpaidOrders {
  private static final Log LOG = Log.get(ExpireUnpaidOrders.class);

  /** Figures of one run. */
  public record Run(int due, int reminded, int cancelled, int notified, int skipped, int failed) {
    public Map<String, Object> figures() {
      return Map.of("due", due, "reminded", reminded, "cancelled", cancelled, "notified", notified,
          "skipped", skipped, "failed", failed);
    }
  }

  private final OrderFlowStore store;
  private final OrderMutations mutations;
  private final UnpaidPrepaymentPolicy policy;
  private final FollowUpTasks tasks;
  private final CustomerNotices notices;
  private final CancellationFollowUp cancellation;
  private final Clock clock;

  public ExpireUnpaidOrders(OrderFlowStore store, OrderMutations mutations, UnpaidPrepaymentPolicy policy,
      FollowUpTasks tasks, CustomerNotices notices, CancellationFollowUp cancellation, Clock clock) {
    this.store = store;
    this.mutations = mutations;
    this.policy = policy;
    this.tasks = tasks;
    this.notices = notices;
    this.cancellation = cancellation;
    this.clock = clock;
  }

  /** Handles up to {@code limit} passed payment deadlines, oldest first. */
  public Run run(int limit) {
    List<String> ids = store.paymentDue(limit);
    int reminded = 0;
    int cancelled = 0;
    int notified = 0;
    int skipped = 0;
    int failed = 0;
    for (String id : ids) {
      try {
        switch (deadline(id)) {
          case "reminded" -> reminded++;
          case "cancelled" -> {
            cancelled++;
            notified++;
          }
          case "notified" -> notified++;
          default -> skipped++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.error("payment deadline failed; retried next run", e, "orderId", id);
      }
    }
    return new Run(ids.size(), reminded, cancelled, notified, skipped, failed);
  }

  private String deadline(String orderId) {
    OrderFile f = store.find(orderId).orElse(null);
    Instant now = clock.instant();
    switch (policy.step(f, now)) {
      case WAIT -> {
        return "skipped";
      }
      case NOTIFY -> {
        cancellation.orderCancelled(f.order());
        store.clearDue(orderId, f.dueSk());
        return "notified";
      }
      case LEAVE_INDEX -> {
        store.clearDue(orderId, f.dueSk());
        return "skipped";
      }
      case REMIND -> {
        Order o = f.order();
        tasks.callAboutPayment(o);
        notices.paymentReminder(o);
        OrderMutations.Result m = mutations.mutateFrom(f, x -> policy.reminded(x, now));
        return m.change() == null ? "skipped" : "reminded";
      }
      case CANCEL -> {
        OrderMutations.Result m = mutations.mutateFrom(f, x -> policy.cancel(x, now));
        if (m.change() == null) {
          return "skipped";
        }
        cancellation.orderCancelled(m.file().order());
        store.clearDue(orderId, m.file().dueSk());
        return "cancelled";
      }
      default -> throw new IllegalStateException();
    }
  }
}
