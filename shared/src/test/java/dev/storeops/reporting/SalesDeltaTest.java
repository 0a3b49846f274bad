package dev.storeops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesDeltaTest {
  private static final LocalDate DAY = LocalDate.parse("2031-03-10");

  private static OrderFacts order(boolean cancelled, String reason) {
    return new OrderFacts("ord_1", DAY, "PHONE", 150000,
        List.of(new OrderFacts.Line("A", 2), new OrderFacts.Line("B", 1), new OrderFacts.Line("A", 3)), cancelled, reason);
  }

  @Test
  void aNewOrderCountsOnceWithItsTotalAndQuantities() {
    SalesDelta d = SalesDelta.of(CountedState.NONE, order(false, null));
    assertEquals(new SalesDelta(CountedState.NONE, CountedState.ACTIVE, "PHONE", 1, 150000, 0, 0, null,
        Map.of("A", 5L, "B", 1L)), d);
  }

  @Test
  void anActiveOrderSeenAgainChangesNothing() {
    assertTrue(SalesDelta.of(CountedState.ACTIVE, order(false, null)).empty());
  }

  @Test
  void cancellingAnActiveOrderCountsTheCancellationAndTakesBackTheQuantities() {
    SalesDelta d = SalesDelta.of(CountedState.ACTIVE, order(true, "  Customer   Refused "));
    assertEquals(new SalesDelta(CountedState.ACTIVE, CountedState.CANCELLED, "PHONE", 0, 0, 1, 150000,
        "customer refused", Map.of("A", -5L, "B", -1L)), d);
  }

  @Test
  void anOrderFirstSeenCancelledCountsAsPlacedAndCancelled() {
    SalesDelta d = SalesDelta.of(CountedState.NONE, order(true, null));
    assertEquals(1, d.orders());
    assertEquals(150000, d.grossMinor());
    assertEquals(1, d.cancelled());
    assertEquals(150000, d.cancelledMinor());
    assertEquals(SalesDelta.UNSPECIFIED_REASON, d.cancelReason());
    assertEquals(Map.of(), d.soldQty());
  }

  @Test
  void aCancelledOrderNeverChangesAgain() {
    assertTrue(SalesDelta.of(CountedState.CANCELLED, order(true, "x")).empty());
    assertTrue(SalesDelta.of(CountedState.CANCELLED, order(false, null)).empty());
  }

  @Test
  void longReasonsAreCut() {
    assertEquals(SalesDelta.MAX_REASON_LENGTH, SalesDelta.reasonKey("x".repeat(500)).length());
  }

  @Test
  void aReasonIsCountedByItsCategoryNeverWithTheCustomersWords() {
    assertEquals("refused by the customer",
        SalesDelta.reasonKey("Refused by the customer: Анна передумала, звонить на +79031112233"));
    assertEquals("out of stock", SalesDelta.reasonKey("  Out   of stock "));
    assertEquals(SalesDelta.UNSPECIFIED_REASON, SalesDelta.reasonKey(": only words"));
  }
}
