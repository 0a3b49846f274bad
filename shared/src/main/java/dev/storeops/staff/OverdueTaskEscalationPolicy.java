package dev.storeops.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a staff task past its deadline (docs/payments.md, "Staff tasks"). With the shop's
 * {@code REASSIGN} setting the task goes to the least-loaded other manager on shift (fewest open
 * orders; ties: the smaller id) with a new deadline ({@code TASK_ESCALATION_MINUTES}, default 60 min);
 * when nobody else is on shift, or with {@code REPORT}, it stays where it is and the lead gets a
 * {@code task-overdue} mail. A task that {@link #MAX_REASSIGNMENTS} managers in turn let pass their
 * deadline is reported to the lead too, instead of going round the team every hour for ever (the month
 * simulation found tasks reassigned 178 times in 9 days, and the lead never told). A reported task
 * stays with its assignee and is escalated no more. The scheduler applies it every 5 minutes to overdue
 * open tasks only.
 */
public final class OverdueTaskEscalationPolicy {
  /** How many times an overdue task goes to another manager before it is reported to the lead instead. */
  public static final int MAX_REASSIGNMENTS = 2;

  private OverdueTaskEscalationPolicy() {}

  /** The manager who takes the task over; empty = report it to the lead instead. */
  public static Optional<TaskService.ManagerLoad> takeOver(StaffTask task, TaskService.EscalationPolicy mode,
      List<TaskService.ManagerLoad> onShift) {
    if (mode != TaskService.EscalationPolicy.REASSIGN || task.escalations() >= MAX_REASSIGNMENTS) {
      return Optional.empty();
    }
    return onShift.stream().filter(m -> !m.id().equals(task.assigneeId()))
        .min(Comparator.comparingInt(TaskService.ManagerLoad::openOrders).thenComparing(TaskService.ManagerLoad::id));
  }
}
