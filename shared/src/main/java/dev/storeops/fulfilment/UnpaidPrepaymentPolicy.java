package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Unpaid prepayment (payment deadline): a prepaid order still AWAITING_PAYMENT {@code remindAfter}
 * after it was created (default 72 h) gets a reminder (a "call about payment" task and the reminder
 * mail); if it is still unpaid {@code grace} after the reminder (default 48 h) it is cancelled
 * {@code PAYMENT_TIMEOUT}, its stock released, and the customer is told. The order waits on the
 * due-work index (kind {@link #PAYMENT_DUE}) in stages REMIND → CANCEL → NOTIFY; an order paid or
 * cancelled meanwhile just leaves the index. Decides only; no I/O.
 */
public final class UnpaidPrepaymentPolicy {
  /** Due-work kind of payment deadlines. */
  public static final String PAYMENT_DUE = "PAYMENT_DUE";
  public static final String STAGE_REMIND = "REMIND";
  public static final String STAGE_CANCEL = "CANCEL";
  public static final String STAGE_NOTIFY = "NOTIFY";
  /** Cancellation reason code. */
  public static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";
  /** Who cancels an unpaid order (shown in the status history; picks the customer's reason text). */
  public static final String BY = "rule:payment-timeout";

  /** What a passed (or not yet passed) payment deadline calls for. */
  public enum Step {
    /** Not on the index, or its deadline has not passed yet. */
    WAIT,
    /** Paid or cancelled meanwhile: take it off the index. */
    LEAVE_INDEX,
    /** Remind: task + mail, then wait {@code grace}. */
    REMIND,
    /** Cancel PAYMENT_TIMEOUT, then notify. */
    CANCEL,
    /** Cancelled by the deadline: tell the customer, then leave the index. */
    NOTIFY
  }

  private final Duration remindAfter;
  private final Duration grace;

  public UnpaidPrepaymentPolicy(Duration remindAfter, Duration grace) {
    this.remindAfter = remindAfter;
    this.grace = grace;
  }

  public static UnpaidPrepaymentPolicy from(FlowSettings settings) {
    return new UnpaidPrepaymentPolicy(settings.paymentReminderAfter(), settings.paymentGrace());
  }

  /** A new prepaid order awaiting payment goes on the index at its reminder deadline; else null. */
  public OrderChange schedule(OrderFile f, Instant now) {
    Order o = f.order();
    if (o.status() != OrderStatus.AWAITING_PAYMENT || f.paymentStage() != null) {
      return null;
    }
    return new OrderChange(f, now).due(STAGE_REMIND, o.createdAt().plus(remindAfter));
  }

  /** The step an order on the index is at, {@code now}. */
  public Step step(OrderFile f, Instant now) {
    if (f == null || f.paymentStage() == null) {
      return Step.WAIT;
    }
    if (f.paymentDueAt() != null && f.paymentDueAt().isAfter(now)) {
      return Step.WAIT;
    }
    if (STAGE_NOTIFY.equals(f.paymentStage())) {
      return Step.NOTIFY;
    }
    if (f.order().status() != OrderStatus.AWAITING_PAYMENT) {
      return Step.LEAVE_INDEX;
    }
    return STAGE_REMIND.equals(f.paymentStage()) ? Step.REMIND : Step.CANCEL;
  }

  /** After the reminder the order waits {@code grace} more (stage CANCEL); null when no longer at REMIND. */
  public OrderChange reminded(OrderFile f, Instant now) {
    return STAGE_REMIND.equals(f.paymentStage()) && f.order().status() == OrderStatus.AWAITING_PAYMENT
        ? new OrderChange(f, now).due(STAGE_CANCEL, now.plus(grace)) : null;
  }

  /** Still unpaid at CANCEL: cancelled PAYMENT_TIMEOUT, stage NOTIFY now; null when no longer at CANCEL. */
  public OrderChange cancel(OrderFile f, Instant now) {
    return STAGE_CANCEL.equals(f.paymentStage()) && f.order().status() == OrderStatus.AWAITING_PAYMENT
        ? CancellationPolicy.cancel(new OrderChange(f, now), BY, PAYMENT_TIMEOUT,
            "not paid " + grace.toHours() + " h after the reminder").due(STAGE_NOTIFY, now)
        : null;
  }
}
