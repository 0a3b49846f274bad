package dev.storeops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example: lead time 10 days, cover 14 days, window 30 days.
 *
 * <pre>
 * sku  available  sold in 30 d  rate/day  lasts    runs out within 10 d?       suggested = ceil(sold × 24 / 30) − available
 * P1   20         60            2.00      10.0 d   yes: 20 × 30 = 600 ≤ 600    ceil(48)   − 20 = 28
 * P2    5          9            0.30      16.6 d   no:  150 > 90
 * P3    0          1            0.03       0.0 d   yes: 0 ≤ 10                 ceil(0.8)  − 0  = 1
 * P4  100          0            -          -       no: did not sell
 * P5    3         45            1.50       2.0 d   yes: 90 ≤ 450               ceil(36)   − 3  = 33
 * P6   -4 (oversold, counts as 0) 3  0.10  0.0 d   yes                         ceil(2.4)  − 0  = 3
 * </pre>
 * Listed soonest first: P3, P6 (both 0.0 d; by SKU), P5, P1.
 */
class PurchasePlannerTest {
  @Test
  void theWorkedExample() {
    var list = PurchasePlanner.plan("sup-1", 10, 14, 30, List.of(
        new PurchasePlanner.Supply("P1", 20, 60),
        new PurchasePlanner.Supply("P2", 5, 9),
        new PurchasePlanner.Supply("P3", 0, 1),
        new PurchasePlanner.Supply("P4", 100, 0),
        new PurchasePlanner.Supply("P5", 3, 45),
        new PurchasePlanner.Supply("P6", -4, 3)));
    assertEquals(List.of(
        new PurchasePlanner.Line("P3", 0, 1, 0.03, 0.0, 1),
        new PurchasePlanner.Line("P6", 0, 3, 0.1, 0.0, 3),
        new PurchasePlanner.Line("P5", 3, 45, 1.5, 2.0, 33),
        new PurchasePlanner.Line("P1", 20, 60, 2.0, 10.0, 28)), list.lines());
    assertEquals("supplier,sku,available,sold_in_window,window_days,daily_rate,days_left,lead_time_days,cover_days,suggested_qty\r\n"
        + "sup-1,P3,0,1,30,0.03,0.0,10,14,1\r\n"
        + "sup-1,P6,0,3,30,0.1,0.0,10,14,3\r\n"
        + "sup-1,P5,3,45,30,1.5,2.0,10,14,33\r\n"
        + "sup-1,P1,20,60,30,2.0,10.0,10,14,28\r\n", PurchasePlanner.csv(List.of(list)));
  }

  @Test
  void withoutCoverTheSuggestionOnlyBridgesTheLeadTimeButIsNeverZero() {
    // P1: ceil(60 × 10 / 30) − 20 = 0 → at least 1
    var list = PurchasePlanner.plan("s", 10, 0, 30, List.of(new PurchasePlanner.Supply("P1", 20, 60)));
    assertEquals(1, list.lines().get(0).suggestedQty());
  }

  @Test
  void zeroLeadTimeListsOnlyWhatIsAlreadyGone() {
    var list = PurchasePlanner.plan("s", 0, 7, 30, List.of(new PurchasePlanner.Supply("A", 1, 30),
        new PurchasePlanner.Supply("B", 0, 30)));
    assertEquals(List.of("B"), list.lines().stream().map(PurchasePlanner.Line::sku).toList());
    assertEquals(7, list.lines().get(0).suggestedQty());
  }

  @Test
  void nonsenseParametersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PurchasePlanner.plan("s", -1, 0, 30, List.of()));
    assertThrows(IllegalArgumentException.class, () -> PurchasePlanner.plan("s", 1, 0, 0, List.of()));
  }
}
