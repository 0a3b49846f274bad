package dev.storeops.staff;

import dev.storeops.platform.errors.Unprocessable;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Staff create a task by hand ({@code POST /staff/tasks}, docs/tasks.md) for themselves or for a
 * colleague on the roster: an ordinary task of kind {@link StaffTask#MANUAL}, so it shows in the
 * assignee's list, is escalated when overdue like a rule's task ({@link OverdueTaskEscalationPolicy})
 * and counts in the task report ({@link TaskFigures}). The assignee is told ({@link Assigned}: a staff
 * mail). With an idempotency key, the same creator's repeated request creates one task and tells once.
 */
public final class CreateTask {
  public static final int MAX_TITLE = 200;
  /** The latest deadline a task may get. */
  public static final Duration MAX_AHEAD = Duration.ofDays(366);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  /** The body of {@code POST /staff/tasks}. */
  public record Request(String title, String assigneeId, String orderId, String customerId, String deadline,
      String priority) {}

  /** Tells the assignee about a task given to them (the staff mail in production); idempotent per task. */
  @FunctionalInterface
  public interface Assigned {
    void assigned(StaffTask task);
  }

  private final TaskStore store;
  private final Function<String, Optional<Manager>> roster;
  private final Assigned assigned;
  private final Clock clock;

  /** @param roster a manager of the roster by id (one read; a colleague must be on it) */
  public CreateTask(TaskStore store, Function<String, Optional<Manager>> roster, Assigned assigned, Clock clock) {
    this.store = store;
    this.roster = roster;
    this.assigned = assigned;
    this.clock = clock;
  }

  /**
   * @param by the creator's staff id (the permission to give a colleague a task is checked by the route)
   * @param idempotencyKey the client's key, or null
   */
  public StaffTask create(Request r, String by, String idempotencyKey) {
    Validation v = new Validation();
    Instant now = clock.instant();
    String title = r.title() == null ? "" : r.title().strip().replaceAll("\\s+", " ");
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      v.error("title", "is required: 1 to " + MAX_TITLE + " characters");
    }
    String assignee = r.assigneeId() == null || r.assigneeId().isBlank() || r.assigneeId().strip().equals("me")
        ? by : r.assigneeId().strip();
    if (!ID.matcher(assignee).matches()) {
      v.error("assigneeId", "must be me or a staff id");
    }
    optionalId(r.orderId(), "orderId", v);
    optionalId(r.customerId(), "customerId", v);
    Instant deadline = null;
    if (r.deadline() == null) {
      v.error("deadline", "is required: date and time with offset, e.g. 2026-12-01T18:00:00+03:00");
    } else {
      try {
        deadline = OffsetDateTime.parse(r.deadline().strip()).toInstant();
        if (!deadline.isAfter(now)) {
          v.error("deadline", "must be in the future");
        } else if (deadline.isAfter(now.plus(MAX_AHEAD))) {
          v.error("deadline", "must be within " + MAX_AHEAD.toDays() + " days");
        }
      } catch (DateTimeParseException e) {
        v.error("deadline", "must be a date and time with offset, e.g. 2026-12-01T18:00:00+03:00");
      }
    }
    StaffTask.Priority priority = StaffTask.Priority.NORMAL;
    if (r.priority() != null) {
      try {
        priority = StaffTask.Priority.valueOf(r.priority().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.error("priority", "must be low, normal or high");
      }
    }
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      v.error("Idempotency-Key", "must be 1-100 letters, digits and _ . : -");
    }
    v.throwIfInvalid();
    if (!assignee.equals(by) && roster.apply(assignee).isEmpty()) {
      throw new Unprocessable("unknown-assignee", "No colleague " + assignee + " on the roster: a task goes to "
          + "yourself or to a manager on the roster (PUT /staff/managers/{id}).");
    }
    String id = idempotencyKey == null ? Ids.newId("manual", clock) : "manual_" + digest(by + "\n" + idempotencyKey);
    StaffTask task = new StaffTask(id, StaffTask.MANUAL, title, blank(r.orderId()), blank(r.customerId()), assignee,
        StaffTask.Status.OPEN, deadline, now, by, 0, null, null, null, priority);
    if (!store.createIfAbsent(task)) {
      task = store.find(id).orElse(task);
    }
    // told every time (a retry after a failed notice tells again; the mail's dedupe key sends it once)
    assigned.assigned(task);
    return task;
  }

  private static void optionalId(String value, String field, Validation v) {
    if (value != null && !value.isBlank() && !ID.matcher(value.strip()).matches()) {
      v.error(field, "is not a valid id");
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
