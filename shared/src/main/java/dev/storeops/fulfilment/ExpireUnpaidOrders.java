package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's payment-deadline run, as {@link UnpaidPrepaymentPolicy} decides for each order whose
 * deadline has passed: REMIND (72 h after creation by default) → the "call about payment" task and the
 * reminder mail, then the order waits the grace period (48 h by default); CANCEL → cancelled
 * PAYMENT_TIMEOUT (stock released in the same write), then NOTIFY → the customer's cancellation mail
 * and the order off the index. Each step moves or removes the index entry conditionally, so a repeated
 * run redoes nothing. An order that fails is recorded and skipped ({@link PoisonItems}): the run goes
 * on, the next run retries it, and after its attempts it is parked as poison for ops.
 */
public final class ExpireUnpaidOrders {
  /** The job's name in the figures and logs. */
  static final String JOB = "payment-timeouts";

  /** Figures of one run; {@code parkedItems}: orders parked as poison by this run. */
  public record Run(int due, int reminded, int cancelled, int notified, int skipped, int failed,
      List<String> parkedItems) {
    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("due", due);
      figures.put("reminded", reminded);
      figures.put("cancelled", cancelled);
      figures.put("notified", notified);
      figures.put("skipped", skipped);
      figures.put("failed", failed);
      figures.put("parked", parkedItems.size());
      figures.put("parkedItems", parkedItems);
      return figures;
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
    List<DueItem> due = store.paymentDue(limit);
    PoisonItems.Run isolated = new PoisonItems(store).start(JOB);
    int reminded = 0;
    int cancelled = 0;
    int notified = 0;
    int skipped = 0;
    for (DueItem item : due) {
      String outcome = isolated.attempt(item, () -> deadline(item.id()));
      if (outcome == null) {
        continue; // recorded by PoisonItems
      }
      switch (outcome) {
        case "reminded" -> reminded++;
        case "cancelled" -> {
          cancelled++;
          notified++;
        }
        case "notified" -> notified++;
        default -> skipped++;
      }
    }
    return new Run(due.size(), reminded, cancelled, notified, skipped, isolated.failed(), isolated.parkedItems());
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
