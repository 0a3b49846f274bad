package dev.storeops.messaging.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailFlowRulesTest {
  private static final Instant T0 = Instant.parse("2031-03-01T09:00:00Z");

  private static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  @Test
  void oneOrderHasNoInterval() {
    assertEquals(Optional.empty(), MailFlowRules.reorderInterval(List.of(T0)));
    assertEquals(Optional.empty(), MailFlowRules.reorderDue(List.of(T0)));
  }

  @Test
  void twoOrdersGiveTheirGap() {
    assertEquals(Optional.of(Duration.ofDays(30)), MailFlowRules.reorderInterval(List.of(day(30), T0)));
    assertEquals(Optional.of(day(60)), MailFlowRules.reorderDue(List.of(T0, day(30))));
  }

  @Test
  void theMedianGapIgnoresAnOutlier() {
    // gaps 10, 12, 200 → median 12 (a mean would say 74)
    List<Instant> orders = List.of(T0, day(10), day(22), day(222));
    assertEquals(Optional.of(Duration.ofDays(12)), MailFlowRules.reorderInterval(orders));
    assertEquals(Optional.of(day(234)), MailFlowRules.reorderDue(orders));
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleGapsRoundedToDays() {
    // gaps 10, 13 → 11.5 → 12
    assertEquals(Optional.of(Duration.ofDays(12)), MailFlowRules.reorderInterval(List.of(T0, day(10), day(23))));
  }

  @Test
  void ordersOfOneSessionCountAsOnePurchase() {
    List<Instant> sameDay = List.of(T0, T0.plus(Duration.ofHours(2)));
    assertEquals(Optional.empty(), MailFlowRules.reorderInterval(sameDay));
    assertEquals(Optional.of(Duration.ofDays(20)),
        MailFlowRules.reorderInterval(List.of(T0, T0.plus(Duration.ofHours(2)), day(20))));
  }

  @Test
  void reactivationStartsNinetyDaysAfterTheLastOrderAndHasThreeSteps() {
    assertEquals(day(90), MailFlowRules.reactivationStart(T0));
    Duration gap = Duration.ofDays(7);
    assertEquals(Optional.of(day(97)), MailFlowRules.nextReactivationStep(1, day(90), gap));
    assertEquals(Optional.of(day(104)), MailFlowRules.nextReactivationStep(2, day(97), gap));
    assertEquals(Optional.empty(), MailFlowRules.nextReactivationStep(3, day(104), gap));
  }

  @Test
  void orderedSinceCountsAnOrderAtOrAfterTheMoment() {
    assertFalse(MailFlowRules.orderedSince(null, T0));
    assertFalse(MailFlowRules.orderedSince(T0.minusSeconds(1), T0));
    assertTrue(MailFlowRules.orderedSince(T0, T0));
    assertTrue(MailFlowRules.orderedSince(day(1), T0));
  }
}
