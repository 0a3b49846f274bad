package dev.storeops.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFiguresTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static StaffTask task(String id, String created, String due, String done) {
    return new StaffTask(id, StaffTask.MANUAL, "Call the supplier", null, null, "m-olga",
        done == null ? StaffTask.Status.OPEN : StaffTask.Status.DONE, Instant.parse(due), Instant.parse(created),
        "owner", 0, done == null ? null : "ok", done == null ? null : Instant.parse(done), done == null ? null : "m-olga",
        StaffTask.Priority.NORMAL);
  }

  @Test
  void countsDoneOnTimeOverdueAndTheMedianTimeToDone() {
    List<StaffTask> tasks = List.of(
        task("a", "2026-11-30T08:00:00Z", "2026-11-30T10:00:00Z", "2026-11-30T08:30:00Z"), // on time, 30 min
        task("b", "2026-11-30T08:00:00Z", "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z"), // late, 180 min
        task("c", "2026-11-30T08:00:00Z", "2026-11-30T10:00:00Z", "2026-11-30T09:00:00Z"), // on time, 60 min
        task("d", "2026-11-30T08:00:00Z", "2026-11-30T11:00:00Z", null),                    // open past deadline
        task("e", "2026-11-30T08:00:00Z", "2026-11-30T18:00:00Z", null));                   // open, not due yet
    TaskFigures f = TaskFigures.of("m-olga", tasks, NOW);
    assertEquals(new TaskFigures("m-olga", 5, 3, 2, 2, 2, 60L), f);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedDownAndNoneWithoutDoneTasks() {
    assertEquals(45L, TaskFigures.median(List.of(90L, 30L, 60L, 10L)));
    assertEquals(0L, TaskFigures.median(List.of(0L)));
    assertNull(TaskFigures.of("m-ivan", List.of(task("d", "2026-11-30T08:00:00Z", "2026-11-30T11:00:00Z", null)), NOW)
        .medianMinutesToDone());
  }

  @Test
  void aTaskDoneExactlyAtItsDeadlineIsOnTime() {
    TaskFigures f = TaskFigures.of("m-olga", List.of(
        task("a", "2026-11-30T08:00:00Z", "2026-11-30T10:00:00Z", "2026-11-30T10:00:00Z")), NOW);
    assertEquals(1, f.doneOnTime());
    assertEquals(0, f.overdue());
  }
}
