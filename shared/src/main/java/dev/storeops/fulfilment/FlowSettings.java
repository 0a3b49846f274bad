package dev.storeops.fulfilment;

import dev.storeops.platform.config.Env;

import java.time.Duration;

/**
 * The payment and follow-up rules' timings (defaults from the seed articles; each function reads them
 * from its environment, see docs/payments.md).
 *
 * @param paymentReminderAfter how long after creation an unpaid prepaid order gets the "call about
 *     payment" task and the reminder mail (default 72 h)
 * @param paymentGrace how long after the reminder an order still unpaid is cancelled {@code
 *     PAYMENT_TIMEOUT} (default 48 h)
 * @param maxNoAnswerCalls unanswered confirmation calls before a cash-on-delivery order is cancelled
 *     {@code UNREACHABLE} (default 3)
 * @param taskDue deadline of an ordinary staff task (default 2 h)
 * @param urgentTaskDue deadline of an "at once" task, e.g. a failed card payment (default 30 min)
 */
public record FlowSettings(Duration paymentReminderAfter, Duration paymentGrace, int maxNoAnswerCalls,
    Duration taskDue, Duration urgentTaskDue) {

  public FlowSettings {
    if (maxNoAnswerCalls < 1) {
      throw new IllegalArgumentException("maxNoAnswerCalls must be at least 1");
    }
  }

  public static FlowSettings defaults() {
    return new FlowSettings(Duration.ofHours(72), Duration.ofHours(48), 3, Duration.ofMinutes(120),
        Duration.ofMinutes(30));
  }

  /** From the environment (docs/payments.md), each variable defaulting to {@link #defaults()}. */
  public static FlowSettings from(Env env) {
    FlowSettings d = defaults();
    return new FlowSettings(
        Duration.ofHours(env.optionalInt("PAYMENT_REMINDER_HOURS", (int) d.paymentReminderAfter().toHours())),
        Duration.ofHours(env.optionalInt("PAYMENT_GRACE_HOURS", (int) d.paymentGrace().toHours())),
        env.optionalInt("MAX_NO_ANSWER_CALLS", d.maxNoAnswerCalls()),
        Duration.ofMinutes(env.optionalInt("TASK_DUE_MINUTES", (int) d.taskDue().toMinutes())),
        Duration.ofMinutes(env.optionalInt("URGENT_TASK_DUE_MINUTES", (int) d.urgentTaskDue().toMinutes())));
  }
}
