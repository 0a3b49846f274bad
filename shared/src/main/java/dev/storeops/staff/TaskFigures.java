package dev.storeops.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one person handled the tasks due in a period (docs/tasks.md): the tasks counted are those whose
 * deadline falls in the period.
 *
 * <ul>
 *   <li>{@code tasks}: all of them, open or done;
 *   <li>{@code done}: completed; {@code doneOnTime}: completed at or before the deadline;
 *   <li>{@code overdue}: still open past the deadline, or completed after it;
 *   <li>{@code open}: not completed yet (overdue or not);
 *   <li>{@code medianMinutesToDone}: the median of (completed − created) over the completed tasks, in whole
 *       minutes (the mean of the two middle values for an even count, rounded down); null without any.
 * </ul>
 *
 * The deadline is the task's current one: a task escalated to a colleague gets a new deadline and counts
 * for the colleague who holds it.
 */
public record TaskFigures(String staffId, int tasks, int done, int doneOnTime, int overdue, int open,
    Long medianMinutesToDone) {

  public static TaskFigures of(String staffId, List<StaffTask> tasks, Instant now) {
    int done = 0;
    int onTime = 0;
    int overdue = 0;
    int open = 0;
    List<Long> minutes = new java.util.ArrayList<>();
    for (StaffTask t : tasks) {
      if (t.status() == StaffTask.Status.DONE) {
        done++;
        Instant at = t.doneAt() == null ? t.dueAt() : t.doneAt();
        if (at.isAfter(t.dueAt())) {
          overdue++;
        } else {
          onTime++;
        }
        if (t.doneAt() != null && t.createdAt() != null) {
          minutes.add(Duration.between(t.createdAt(), t.doneAt()).toMinutes());
        }
      } else {
        open++;
        if (t.overdue(now)) {
          overdue++;
        }
      }
    }
    return new TaskFigures(staffId, tasks.size(), done, onTime, overdue, open, median(minutes));
  }

  static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : Math.floorDiv(sorted.get(n / 2 - 1) + sorted.get(n / 2), 2);
  }
}
