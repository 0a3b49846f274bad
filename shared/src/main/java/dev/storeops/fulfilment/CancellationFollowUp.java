package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;

/**
 * What follows a cancellation, whoever made it: the customer's cancellation mail and the order's
 * follow-up tasks ("confirm by phone", "call about payment") closed. After a staff change that did not
 * cancel, an order past NEW no longer needs its confirmation call. Idempotent (fixed task ids, one mail
 * key per order).
 */
public final class CancellationFollowUp {
  private final CustomerNotices notices;
  private final FollowUpTasks tasks;

  public CancellationFollowUp(CustomerNotices notices, FollowUpTasks tasks) {
    this.notices = notices;
    this.tasks = tasks;
  }

  /** The customer's cancellation mail and the order's follow-up tasks closed. */
  public void orderCancelled(Order o) {
    notices.orderCancelled(o);
    tasks.closeForCancelledOrder(o);
  }

  /** After a staff change: a cancellation tells the customer; a resolved order closes its confirmation task. */
  public void afterStaffChange(Order o, String by) {
    OrderStatus s = o.status();
    if (s == OrderStatus.CANCELLED) {
      orderCancelled(o);
    } else if (s != OrderStatus.NEW) {
      tasks.closeConfirmByPhone(o, by, "order " + s);
    }
  }
}
