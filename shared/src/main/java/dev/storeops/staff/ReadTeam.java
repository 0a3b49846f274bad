package dev.storeops.staff;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The owner's view of the team ({@code GET /staff/team}): every manager on the roster, on shift first,
 * with the open orders they hold (the counter {@code ManagerAssignmentPolicy} balances), their open
 * tasks and how many of those are overdue. Reads one roster query and one task query per manager of the
 * page. Pages as every list does (docs/api.md): {@code limit} + {@code cursor} → {@code nextCursor}, the
 * cursor being the position (shift, name, id) of the page's last manager in that order
 * ({@link PageCursor#encodePosition}); a manager whose shift changes between two pages moves in the order.
 */
public final class ReadTeam {
  /** Open tasks counted per manager (the page the task list reads). */
  static final int TASKS_READ = 100;
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  private static final List<String> POSITION = List.of("shift", "name", "id");
  private static final Comparator<Manager> ORDER = Comparator.comparing((Manager m) -> !m.onShift())
      .thenComparing(m -> m.name() == null ? "" : m.name()).thenComparing(Manager::id);

  private final Supplier<List<Manager>> roster;
  private final TaskService tasks;
  private final Clock clock;

  public ReadTeam(Supplier<List<Manager>> roster, TaskService tasks, Clock clock) {
    this.roster = roster;
    this.tasks = tasks;
    this.clock = clock;
  }

  public record Member(String id, String name, String email, boolean onShift, long openOrders, int openTasks,
      int overdueTasks) {}

  /** {@code onShift} counts the whole roster; {@code managers} is this page; {@code nextCursor} null on the last. */
  public record Team(Instant at, int onShift, List<Member> managers, String nextCursor) {}

  public Team read() {
    return read(null, null);
  }

  public Team read(String limitParam, String cursor) {
    int limit = PageCursor.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Manager after = cursor == null ? null : position(PageCursor.decodePosition(cursor, POSITION));
    Instant now = clock.instant();
    List<Manager> all = roster.get().stream().sorted(ORDER).toList();
    List<Manager> rest = all.stream().filter(m -> after == null || ORDER.compare(m, after) > 0).toList();
    List<Manager> page = rest.subList(0, Math.min(limit, rest.size()));
    List<Member> members = page.stream().map(m -> {
      List<StaffTask> open = tasks.list(m.id(), StaffTask.Status.OPEN, TASKS_READ);
      int overdue = (int) open.stream().filter(t -> t.overdue(now)).count();
      return new Member(m.id(), m.name(), m.email(), m.onShift(), m.openOrders(), open.size(), overdue);
    }).toList();
    String next = rest.size() > page.size() ? PageCursor.encodePosition(position(page.get(page.size() - 1))) : null;
    return new Team(now, (int) all.stream().filter(Manager::onShift).count(), members, next);
  }

  private static Map<String, String> position(Manager m) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("shift", m.onShift() ? "on" : "off");
    p.put("name", m.name() == null ? "" : m.name());
    p.put("id", m.id());
    return p;
  }

  private static Manager position(Map<String, String> p) {
    if (!Set.of("on", "off").contains(p.get("shift"))) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
    return new Manager(p.get("id"), p.get("name"), null, "on".equals(p.get("shift")), 0);
  }
}
