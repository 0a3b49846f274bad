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

  /**
   * The assignee's {@code task-assigned} mail for a task given by hand ({@code staff/CreateTask}), to the
   * e-mail the roster has for them; one per task (the dedupe key is the task's id). An assignee without a
   * roster e-mail is not mailed (the task is in their list).
   */
  public static dev.storeops.staff.CreateTask.Assigned taskToAssignee(MailOutbox outbox,
      java.util.function.Function<String, java.util.Optional<dev.storeops.staff.Manager>> roster) {
    return task -> roster.apply(task.assigneeId()).map(dev.storeops.staff.Manager::email)
        .filter(e -> e != null && !e.isBlank())
        .ifPresent(email -> outbox.send(new MailIntent("task-assigned#" + task.id(), "task-assigned",
            MailIntent.Category.STAFF, null, email, null, "task-assigned",
            Map.of("taskId", task.id(), "title", task.title(), "assignedBy", task.createdBy(),
                "priority", task.priority().name(), "dueAt", task.dueAt().toString(),
                "orderId", String.valueOf(task.orderId()), "customerId", String.valueOf(task.customerId())))));
  }
}
