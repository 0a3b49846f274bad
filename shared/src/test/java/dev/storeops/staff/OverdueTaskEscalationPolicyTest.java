package dev.storeops.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.staff.TaskService.EscalationPolicy;
import dev.storeops.staff.TaskService.ManagerLoad;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueTaskEscalationPolicyTest {
  private final StaffTask task = new StaffTask("confirm-by-phone_ord_1", "confirm-by-phone", "Confirm", "ord_1",
      "cus_1", "m-olga", StaffTask.Status.OPEN, Instant.parse("2026-11-30T10:00:00Z"),
      Instant.parse("2026-11-30T08:00:00Z"), "rule:cash-on-delivery", 0, null, null, null);

  @Test
  void goesToTheLeastLoadedOtherManagerOnShiftTiesToTheSmallerId() {
    List<ManagerLoad> onShift = List.of(new ManagerLoad("m-olga", 0), new ManagerLoad("m-zoe", 2),
        new ManagerLoad("m-ivan", 2), new ManagerLoad("m-petr", 5));
    assertEquals("m-ivan", OverdueTaskEscalationPolicy.takeOver(task, EscalationPolicy.REASSIGN, onShift)
        .orElseThrow().id(), "never back to the same manager, even the least loaded");
  }

  @Test
  void isReportedWhenNobodyElseIsOnShiftOrTheShopChoseReport() {
    assertTrue(OverdueTaskEscalationPolicy.takeOver(task, EscalationPolicy.REASSIGN,
        List.of(new ManagerLoad("m-olga", 0))).isEmpty());
    assertTrue(OverdueTaskEscalationPolicy.takeOver(task, EscalationPolicy.REPORT,
        List.of(new ManagerLoad("m-ivan", 0))).isEmpty());
  }

  @Test
  void aTaskTwoManagersInTurnLetPassIsReportedToTheLeadNotSentRoundAgain() {
    List<ManagerLoad> onShift = List.of(new ManagerLoad("m-olga", 0), new ManagerLoad("m-ivan", 2));
    StaffTask once = withEscalations(1);
    assertEquals("m-ivan", OverdueTaskEscalationPolicy.takeOver(once, EscalationPolicy.REASSIGN, onShift)
        .orElseThrow().id(), "reassigned once before: goes to a second manager");
    assertTrue(OverdueTaskEscalationPolicy.takeOver(withEscalations(OverdueTaskEscalationPolicy.MAX_REASSIGNMENTS),
        EscalationPolicy.REASSIGN, onShift).isEmpty(), "reassigned twice and overdue again: reported to the lead");
  }

  private StaffTask withEscalations(int n) {
    return new StaffTask(task.id(), task.kind(), task.title(), task.orderId(), task.customerId(), task.assigneeId(),
        task.status(), task.dueAt(), task.createdAt(), task.createdBy(), n, null, null, null);
  }
}
