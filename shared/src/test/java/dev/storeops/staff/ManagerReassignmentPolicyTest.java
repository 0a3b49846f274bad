package dev.storeops.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Unprocessable;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagerReassignmentPolicyTest {
  private final Optional<Manager> pavel = Optional.of(new Manager("mgr-pavel", "Павел", "p@example.com", false, 3));

  @Test
  void anOpenOrderMovesToAnotherManagerOnShiftOrNot() {
    assertEquals(ManagerReassignmentPolicy.Decision.MOVE,
        ManagerReassignmentPolicy.decide(true, "mgr-olga", "mgr-pavel", pavel));
    assertEquals(ManagerReassignmentPolicy.Decision.MOVE,
        ManagerReassignmentPolicy.decide(true, null, "mgr-pavel", pavel));
  }

  @Test
  void theSameManagerChangesNothing() {
    assertEquals(ManagerReassignmentPolicy.Decision.UNCHANGED,
        ManagerReassignmentPolicy.decide(true, "mgr-pavel", "mgr-pavel", pavel));
    assertEquals(ManagerReassignmentPolicy.Decision.UNCHANGED,
        ManagerReassignmentPolicy.decide(false, "mgr-pavel", "mgr-pavel", pavel));
  }

  @Test
  void aClosedOrderKeepsItsManager() {
    Conflict e = assertThrows(Conflict.class, () -> ManagerReassignmentPolicy.decide(false, "mgr-olga", "mgr-pavel", pavel));
    assertEquals("order-closed", e.code());
  }

  @Test
  void anUnknownManagerIsRefused() {
    Unprocessable e = assertThrows(Unprocessable.class,
        () -> ManagerReassignmentPolicy.decide(true, "mgr-olga", "mgr-nobody", Optional.empty()));
    assertEquals("unknown-manager", e.code());
  }
}
