package dev.storeops.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.Conflict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointSaleReplayPolicyTest {
  private static final Instant SOLD = Instant.parse("2026-11-30T11:05:00Z");

  private static PointSale sale(String receipt, List<PointSale.Line> lines, long total, String by, Instant recorded) {
    return new PointSale("msk-shop", receipt, SOLD, lines, total, by, recorded, "api");
  }

  @Test
  void aNewReceiptIsRecorded() {
    PointSale incoming = sale("R-1", List.of(new PointSale.Line("TEA", 2, 15000)), 30000, "w-1", SOLD);
    assertEquals(PointSaleReplayPolicy.Decision.RECORD, PointSaleReplayPolicy.decide(null, incoming));
  }

  @Test
  void theSameReceiptAgainIsAReplayWhoeverSendsItWhenAndInWhateverLineOrder() {
    PointSale first = sale("R-1", List.of(new PointSale.Line("TEA", 2, 15000, 3L), new PointSale.Line("CUP", 1, 5000, 9L)),
        35000, "w-1", SOLD);
    PointSale again = sale("R-1", List.of(new PointSale.Line("CUP", 1, 5000), new PointSale.Line("TEA", 2, 15000)),
        35000, "till:msk-shop", SOLD.plusSeconds(86400));
    assertEquals(PointSaleReplayPolicy.Decision.REPLAY, PointSaleReplayPolicy.decide(first, again));
  }

  @Test
  void aReceiptNumberUsedAgainWithOtherLinesIsRefused() {
    PointSale first = sale("R-1", List.of(new PointSale.Line("TEA", 2, 15000)), 30000, "w-1", SOLD);
    PointSale other = sale("R-1", List.of(new PointSale.Line("TEA", 3, 15000)), 45000, "w-1", SOLD);
    Conflict c = assertThrows(Conflict.class, () -> PointSaleReplayPolicy.decide(first, other));
    assertEquals("receipt-reused", c.code());
    assertEquals("receiptNumber", c.errors().get(0).field());
  }

  @Test
  void aPointSaleTakesUnitsOffTheShelfButNeverTheOrdersReservations() {
    assertEquals(StockLedger.Levels.of(3, 1), StockLedger.pointSale(5, 1, 2));
    assertEquals(new StockLedger.Levels(1, 4, 0), StockLedger.pointSale(5, 4, 4), "onHand < reserved: orders go short");
    assertEquals(new StockLedger.Levels(0, 0, 0), StockLedger.pointSale(1, 0, 3), "never below 0");
  }
}
