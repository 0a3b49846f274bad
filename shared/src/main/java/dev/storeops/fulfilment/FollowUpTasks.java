package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.TaskStore;
import java.time.Clock;
import java.time.Duration;

/**
 * The staff tasks the order rules open and close, in one place. Each task id is fixed by the order
 * (or the payment event), so opening or closing twice is harmless. Ordinary tasks are due in
 * {@link FlowSettings#taskDue()} (default 2 h), "at once" tasks in {@link FlowSettings#urgentTaskDue()}
 * (default 30 min); a task goes to the order's manager, else to {@link #UNASSIGNED}.
 */
public final class FollowUpTasks {
  public static final String UNASSIGNED = StaffTask.UNASSIGNED;

  private final TaskService tasks;
  private final TaskStore taskStore;
  private final FlowSettings settings;
  private final Clock clock;

  public FollowUpTasks(TaskService tasks, TaskStore taskStore, FlowSettings settings, Clock clock) {
    this.tasks = tasks;
    this.taskStore = taskStore;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new cash-on-delivery order: its manager confirms it by phone. */
  public void confirmByPhone(Order o) {
    open("confirm-by-phone_" + o.id(), "confirm-by-phone", "Confirm order " + o.number() + " by phone",
        o, settings.taskDue(), "rule:cash-on-delivery");
  }

  /** An unpaid prepaid order at its reminder deadline: call the customer about the payment. */
  public void callAboutPayment(Order o) {
    open("call-about-payment_" + o.id(), "call-about-payment", "Call about the payment of order " + o.number(),
        o, settings.taskDue(), "rule:payment-reminder");
  }

  public void paymentMismatch(Order o, String eventId) {
    open("payment-mismatch_" + eventId, "payment-mismatch",
        "Check the payment of order " + o.number() + ": amount or currency does not match", o,
        settings.urgentTaskDue(), PaymentEventPolicy.BY);
  }

  public void unexpectedPayment(Order o, String eventId) {
    open("payment-review_" + eventId, "payment-review",
        "A payment arrived for order " + o.number() + " in state " + o.status() + ": refund or reinstate", o,
        settings.urgentTaskDue(), PaymentEventPolicy.BY);
  }

  public void failedCardPayment(Order o, Object paymentId) {
    open("payment-failed_" + o.id() + "_" + paymentId, "payment-failed",
        "Call the customer about the failed payment of order " + o.number(), o, settings.urgentTaskDue(),
        PaymentEventPolicy.BY);
  }

  public void refundAfterShipping(Order o, String eventId) {
    open("refund-review_" + eventId, "refund-review",
        "Order " + o.number() + " was refunded after shipping: arrange the return", o, settings.taskDue(),
        PaymentEventPolicy.BY);
  }

  public void closeCallAboutPayment(Order o, String by, String comment) {
    close("call-about-payment_" + o.id(), by, comment);
  }

  public void closeConfirmByPhone(Order o, String by, String comment) {
    close("confirm-by-phone_" + o.id(), by, comment);
  }

  /** A cancelled order needs no more follow-up calls. */
  public void closeForCancelledOrder(Order o) {
    closeConfirmByPhone(o, "rule:cancelled", "order cancelled");
    closeCallAboutPayment(o, "rule:cancelled", "order cancelled");
  }

  private void open(String id, String kind, String title, Order o, Duration dueIn, String by) {
    tasks.open(id, kind, title, o.id(), o.customerId(), o.managerId() == null ? UNASSIGNED : o.managerId(), dueIn, by);
  }

  private void close(String id, String by, String comment) {
    taskStore.find(id).filter(t -> t.status() == StaffTask.Status.OPEN)
        .ifPresent(t -> taskStore.complete(t, by, comment, clock.instant()));
  }
}
