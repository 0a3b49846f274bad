package dev.storeops.staff;

import java.time.Instant;

/**
 * Work for a person: call a customer, confirm an order by phone, look at a refused import. Rules
 * create tasks with a deterministic id so a repeated event creates nothing new.
 */
public record StaffTask(
    String id,
    String kind,
    String title,
    String orderId,
    String customerId,
    String assigneeId,
    Status status,
    Instant dueAt,
    Instant createdAt,
    String createdBy,
    int escalations,
    String comment,
    Instant doneAt,
    String doneBy,
    Priority priority) {

  /** How urgent a task is; rules' tasks are {@code NORMAL}, staff choose for tasks by hand (docs/tasks.md). */
  public enum Priority { LOW, NORMAL, HIGH }

  /** The kind of a task created by hand by staff ({@code POST /staff/tasks}). */
  public static final String MANUAL = "MANUAL";

  public StaffTask {
    priority = priority == null ? Priority.NORMAL : priority;
  }

  /** A task of a rule (priority {@code NORMAL}). */
  public StaffTask(String id, String kind, String title, String orderId, String customerId, String assigneeId,
      Status status, Instant dueAt, Instant createdAt, String createdBy, int escalations, String comment,
      Instant doneAt, String doneBy) {
    this(id, kind, title, orderId, customerId, assigneeId, status, dueAt, createdAt, createdBy, escalations, comment,
        doneAt, doneBy, Priority.NORMAL);
  }

  public enum Status { OPEN, DONE }

  /** The assignee of a task whose order has no manager yet. */
  public static final String UNASSIGNED = "unassigned";

  public boolean overdue(Instant now) {
    return status == Status.OPEN && dueAt.isBefore(now);
  }
}
