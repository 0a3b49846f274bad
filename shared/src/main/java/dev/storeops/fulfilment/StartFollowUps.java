package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.platform.log.Log;
import java.time.Clock;

/**
 * Start the follow-ups of a new order (order-events calls it after the manager is assigned;
 * idempotent): a prepaid order awaiting payment goes on the payment-deadline index at its reminder
 * deadline, 72 h after creation by default ({@link UnpaidPrepaymentPolicy}); a new cash-on-delivery
 * order gets the "confirm by phone" task for its manager ({@link ConfirmationCallPolicy}).
 */
public final class StartFollowUps {
  private static final Log LOG = Log.get(StartFollowUps.class);

  private final OrderMutations mutations;
  private final UnpaidPrepaymentPolicy unpaidPrepayment;
  private final ConfirmationCallPolicy confirmationCall;
  private final FollowUpTasks tasks;
  private final Clock clock;

  public StartFollowUps(OrderMutations mutations, UnpaidPrepaymentPolicy unpaidPrepayment,
      ConfirmationCallPolicy confirmationCall, FollowUpTasks tasks, Clock clock) {
    this.mutations = mutations;
    this.unpaidPrepayment = unpaidPrepayment;
    this.confirmationCall = confirmationCall;
    this.tasks = tasks;
    this.clock = clock;
  }

  public void start(String orderId) {
    // not read back: the deadline changes no status, and only a NEW order needs the call (one read fewer)
    OrderMutations.Result m = mutations.mutateWithoutReadBack(orderId,
        f -> unpaidPrepayment.schedule(f, clock.instant()));
    Order o = m.file().order();
    if (confirmationCall.needsCall(o)) {
      tasks.confirmByPhone(o);
    }
    if (m.change() != null) {
      LOG.info("payment deadline scheduled", "orderId", orderId, "dueAt", m.change().due().at());
    }
  }
}
