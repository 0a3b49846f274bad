package dev.storeops.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The owner's view of the team ({@code GET /staff/team}): every manager on the roster, on shift first,
 * with the open orders they hold (the counter {@code ManagerAssignmentPolicy} balances), their open
 * tasks and how many of those are overdue. Reads one roster query and one task query per manager.
 */
public final class ReadTeam {
  /** Open tasks counted per manager (the page the task list reads). */
  static final int TASKS_READ = 100;

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

  public record Team(Instant at, int onShift, List<Member> managers) {}

  public Team read() {
    Instant now = clock.instant();
    List<Member> members = roster.get().stream().map(m -> {
      List<StaffTask> open = tasks.list(m.id(), StaffTask.Status.OPEN, TASKS_READ);
      int overdue = (int) open.stream().filter(t -> t.overdue(now)).count();
      return new Member(m.id(), m.name(), m.email(), m.onShift(), m.openOrders(), open.size(), overdue);
    }).sorted(Comparator.comparing((Member m) -> !m.onShift()).thenComparing(Member::name,
        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    return new Team(now, (int) members.stream().filter(Member::onShift).count(), members);
  }
}
