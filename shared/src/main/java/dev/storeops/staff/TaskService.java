package dev.storeops.staff;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, lists, completes and escalates staff tasks. */
public final class TaskService {
  private static final Log LOG = Log.get(TaskService.class);

  /** What happens to an overdue task. */
  public enum EscalationPolicy { REASSIGN, REPORT }

  /** An on-shift manager and how many open orders they carry. */
  public record ManagerLoad(String id, int openOrders) {}

  /** Tells the lead about an overdue task that nobody else can take over (mail in production). */
  @FunctionalInterface
  public interface OverdueReport {
    void overdue(StaffTask task);
  }

  /** Who is on shift now (the manager roster). */
  public interface Roster {
    List<ManagerLoad> onShift();
  }

  private final TaskStore store;
  private final Roster roster;
  private final OverdueReport report;
  private final Clock clock;
  private final EscalationPolicy policy;
  private final Duration escalationWindow;

  public TaskService(TaskStore store, Roster roster, OverdueReport report, Clock clock,
      EscalationPolicy policy, Duration escalationWindow) {
    this.store = store;
    this.roster = roster;
    this.report = report;
    this.clock = clock;
    this.policy = policy;
    this.escalationWindow = escalationWindow;
  }

  /**
   * Opens a task (idempotent: the id is deterministic, e.g. {@code confirm-by-phone_<orderId>}).
   * Returns the stored task, new or existing.
   */
  public StaffTask open(String id, String kind, String title, String orderId, String customerId,
      String assigneeId, Duration dueIn, String createdBy) {
    Instant now = clock.instant();
    StaffTask task = new StaffTask(id, kind, title, orderId, customerId, assigneeId, StaffTask.Status.OPEN,
        now.plus(dueIn), now, createdBy, 0, null, null, null);
    if (store.createIfAbsent(task)) {
      LOG.info("task opened", "taskId", id, "kind", kind, "assignee", assigneeId, "orderId", orderId);
      return task;
    }
    return store.find(id).orElse(task);
  }

  public List<StaffTask> list(String assigneeId, StaffTask.Status status, int limit) {
    return store.byAssignee(assigneeId, status, limit);
  }

  /** The largest page of {@code GET /staff/tasks} (and its default). */
  public static final int MAX_PAGE = 100;

  /** One page of an assignee's tasks, soonest due first: {@code limit} 1..100 (default 100), {@code cursor} from the last page. */
  public TaskStore.Page page(String assigneeId, StaffTask.Status status, String limit, String cursor) {
    int n = dev.storeops.platform.dynamo.PageCursor.limit(limit, MAX_PAGE, MAX_PAGE);
    return store.page(assigneeId, status, n, cursor == null || cursor.isBlank() ? null : cursor);
  }

  /** One task; 404 when there is none. */
  public StaffTask get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("Task " + id));
  }

  /** Completes a task with a comment; completing a done task again changes nothing. */
  public StaffTask complete(String id, String by, String comment) {
    if (comment == null || comment.isBlank()) {
      throw Invalid.field("comment", "is required");
    }
    if (comment.length() > 2000) {
      throw Invalid.field("comment", "must be at most 2000 characters");
    }
    StaffTask task = store.find(id).orElseThrow(() -> new NotFound("Task " + id));
    if (task.status() == StaffTask.Status.OPEN) {
      store.complete(task, by, comment.strip(), clock.instant());
    }
    return store.find(id).orElseThrow();
  }

  /** At most this many open tasks of the old assignee are looked at when an order changes hands. */
  static final int HAND_OVER_SCAN = 500;

  /**
   * Hands the open tasks of order {@code orderId} from {@code from} (a manager, or {@link
   * StaffTask#UNASSIGNED}) to {@code to}, keeping their deadlines: the owner reassigned the order. Reads
   * only {@code from}'s open tasks. Returns how many moved; running it again moves nothing more.
   */
  public int handOver(String orderId, String from, String to) {
    int moved = 0;
    for (StaffTask task : store.byAssignee(from, StaffTask.Status.OPEN, HAND_OVER_SCAN)) {
      if (orderId.equals(task.orderId()) && store.handOver(task, to)) {
        moved++;
        LOG.info("task handed over", "taskId", task.id(), "orderId", orderId, "from", from, "to", to);
      }
    }
    return moved;
  }

  /** Result of one escalation run; {@code failed} tasks were recorded and skipped, {@code parkedItems} parked as poison. */
  public record Escalation(int reassigned, int reported, int failed, List<String> parkedItems) {
    public Escalation(int reassigned, int reported) {
      this(reassigned, reported, 0, List.of());
    }
  }

  /** Escalates every overdue open task as {@link OverdueTaskEscalationPolicy} decides: to another manager, or by mail to the lead. */
  public Escalation escalateOverdue(int limit) {
    int[] reassigned = {0};
    int[] reported = {0};
    Instant now = clock.instant();
    // each task on its own: one that fails is recorded and skipped, parked after its attempts
    PoisonItems.Run isolated = new PoisonItems(store).start("task-escalation");
    for (StaffTask task : store.overdue(limit)) {
      if (!task.overdue(now)) {
        continue;
      }
      isolated.attempt(store.dueItem(task), () -> {
        Optional<ManagerLoad> other = OverdueTaskEscalationPolicy.takeOver(task, policy,
            policy == EscalationPolicy.REASSIGN ? roster.onShift() : List.of());
        if (other.isPresent()) {
          if (store.reassign(task, other.get().id(), now.plus(escalationWindow))) {
            reassigned[0]++;
            LOG.info("task reassigned", "taskId", task.id(), "from", task.assigneeId(), "to", other.get().id());
          }
        } else {
          report.overdue(task);
          if (store.markReported(task, now)) {
            reported[0]++;
            LOG.info("overdue task reported", "taskId", task.id(), "assignee", task.assigneeId());
          }
        }
      });
    }
    return new Escalation(reassigned[0], reported[0], isolated.failed(), isolated.parkedItems());
  }
}
