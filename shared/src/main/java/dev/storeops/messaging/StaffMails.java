package dev.storeops.messaging;

import dev.storeops.staff.TaskService;
import java.util.Map;

/** Mail to staff about their work (the manager's new-order mail is in {@link OrderMails}). */
public final class StaffMails {
  private StaffMails() {}

  /**
   * The lead's {@code task-overdue} mail for a task nobody else could take over; one per task and
   * escalation (the dedupe key carries both).
   */
  public static TaskService.OverdueReport overdueTaskToLead(MailOutbox outbox, String leadEmail) {
    return task -> outbox.send(new MailIntent("task-overdue#" + task.id() + "#" + task.escalations(), "task-overdue",
        MailIntent.Category.STAFF, null, leadEmail, null, "task-overdue",
        Map.of("taskId", task.id(), "title", task.title(), "assigneeId", String.valueOf(task.assigneeId()),
            "orderId", String.valueOf(task.orderId()), "dueAt", task.dueAt().toString())));
  }
}
