package dev.storeops.staff;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where staff tasks are kept; also where the escalation run records a task that fails ({@link PoisonItems.Ledger}). */
public interface TaskStore extends PoisonItems.Ledger {
  /** Stores a new task; false when a task with this id exists already (nothing is changed). */
  boolean createIfAbsent(StaffTask task);

  Optional<StaffTask> find(String id);

  /** The tasks of an assignee in a status, soonest due first. */
  List<StaffTask> byAssignee(String assigneeId, StaffTask.Status status, int limit);

  /** One page of {@link #byAssignee}: the tasks and the cursor of the next page (null on the last). */
  record Page(List<StaffTask> tasks, String nextCursor) {}

  /**
   * One page of an assignee's tasks after {@code cursor} (null: the first). A store without cursors
   * answers the first page only.
   */
  default Page page(String assigneeId, StaffTask.Status status, int limit, String cursor) {
    if (cursor != null) {
      throw dev.storeops.platform.errors.Invalid.field("cursor", "is not a cursor this API returned");
    }
    return new Page(byAssignee(assigneeId, status, limit), null);
  }

  /**
   * The tasks of an assignee in a status whose deadline lies in {@code [from, to)}, soonest first, at most
   * {@code limit} (the task report: docs/tasks.md).
   */
  default List<StaffTask> dueBetween(String assigneeId, StaffTask.Status status, java.time.Instant from,
      java.time.Instant to, int limit) {
    // a store without a range index reads the assignee's list (soonest first) and keeps the range
    return byAssignee(assigneeId, status, Integer.MAX_VALUE).stream()
        .filter(t -> !t.dueAt().isBefore(from) && t.dueAt().isBefore(to)).limit(limit).toList();
  }

  /** Marks an open task done; false when it was not open any more. */
  boolean complete(StaffTask task, String by, String comment, Instant at);

  /** Moves an open, overdue task to another assignee with a new deadline; false when it changed meanwhile. */
  boolean reassign(StaffTask task, String newAssignee, Instant newDueAt);

  /** Hands an open task to another assignee, keeping its deadline; false when it was not open with its assignee as read. */
  boolean handOver(StaffTask task, String newAssignee);

  /** Takes an open task off the due-work index after its overdue report; false when it changed meanwhile. */
  boolean markReported(StaffTask task, Instant at);

  /** Open tasks whose deadline has passed, oldest first (reads only those). */
  List<StaffTask> overdue(int limit);

  /** Where an open task sits in the due-work index (its failures are recorded there). */
  DueItem dueItem(StaffTask task);
}
