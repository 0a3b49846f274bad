package dev.storeops.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagerAssignmentPolicyTest {
  private final Manager busyPrevious = new Manager("m-prev", "Prev", "p@example.com", true, 9);
  private final Manager light = new Manager("m-light", "Light", "l@example.com", true, 1);
  private final Manager lighterOff = new Manager("m-off", "Off", "o@example.com", false, 0);
  private final Manager tie = new Manager("m-a", "A", "a@example.com", true, 1);

  @Test
  void thePreviousManagerWhenOnShift() {
    assertEquals("m-prev", ManagerAssignmentPolicy.choose("m-prev", List.of(busyPrevious, light)).orElseThrow().id());
  }

  @Test
  void elseTheOnShiftManagerWithFewestOpenOrders() {
    Manager prevOff = new Manager("m-prev", "Prev", "p@example.com", false, 0);
    assertEquals("m-light", ManagerAssignmentPolicy.choose("m-prev", List.of(prevOff, light, lighterOff)).orElseThrow().id());
    assertEquals("m-a", ManagerAssignmentPolicy.choose(null, List.of(light, tie)).orElseThrow().id());
  }

  @Test
  void nobodyOnShiftMeansNoChoice() {
    assertTrue(ManagerAssignmentPolicy.choose(null, List.of(lighterOff)).isEmpty());
  }
}
