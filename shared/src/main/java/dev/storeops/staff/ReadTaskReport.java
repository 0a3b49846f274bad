package dev.storeops.staff;

import dev.storeops.platform.errors.Invalid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The task report ({@code GET /staff/reports/tasks?from=&to=&staffId=}, docs/tasks.md): per person,
 * {@link TaskFigures} of the tasks whose deadline falls on the days {@code [from, to]} (shop time zone).
 * Without {@code staffId}: every manager on the roster. Reads two range queries per person (open and done
 * tasks by deadline on GSI2), never a scan.
 */
public final class ReadTaskReport {
  public static final int MAX_DAYS = 366;
  /** At most this many tasks of one person and status are read for one report. */
  static final int MAX_TASKS = 10_000;

  public record Report(LocalDate from, LocalDate to, Instant at, List<TaskFigures> people) {}

  private final TaskStore store;
  private final Supplier<List<Manager>> roster;
  private final Clock clock;
  private final ZoneId zone;

  public ReadTaskReport(TaskStore store, Supplier<List<Manager>> roster, Clock clock, ZoneId zone) {
    this.store = store;
    this.roster = roster;
    this.clock = clock;
    this.zone = zone;
  }

  public Report read(String from, String to, String staffId) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate end = date(to, "to", today);
    LocalDate start = date(from, "from", end.minusDays(29));
    if (start.isAfter(end)) {
      throw Invalid.field("from", "must not be after to");
    }
    if (start.plusDays(MAX_DAYS - 1).isBefore(end)) {
      throw Invalid.field("to", "the range is at most " + MAX_DAYS + " days");
    }
    List<String> people = staffId != null ? List.of(staffId)
        : roster.get().stream().map(Manager::id).sorted().toList();
    Instant a = start.atStartOfDay(zone).toInstant();
    Instant b = end.plusDays(1).atStartOfDay(zone).toInstant();
    Instant now = clock.instant();
    List<TaskFigures> figures = new ArrayList<>();
    for (String person : people) {
      List<StaffTask> tasks = new ArrayList<>(store.dueBetween(person, StaffTask.Status.OPEN, a, b, MAX_TASKS));
      tasks.addAll(store.dueBetween(person, StaffTask.Status.DONE, a, b, MAX_TASKS));
      figures.add(TaskFigures.of(person, tasks, now));
    }
    return new Report(start, end, now, figures);
  }

  private static LocalDate date(String value, String field, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.field(field, "must be a date yyyy-MM-dd");
    }
  }
}
