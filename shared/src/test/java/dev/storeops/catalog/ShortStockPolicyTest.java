package dev.storeops.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortStockPolicyTest {
  private static final Hold HOLD = new Hold("INT-CUT", "msk-1", "ord_1", 5, "mgr-1");

  @Test
  void aRowIsShortWhenFewerUnitsAreOnHandThanTheOrdersHold() {
    assertTrue(ShortStockPolicy.isShort(StockLedger.Levels.of(2, 5)));
    assertFalse(ShortStockPolicy.isShort(StockLedger.Levels.of(5, 5)));
    assertFalse(ShortStockPolicy.isShort(StockLedger.Levels.of(8, 0)));
  }

  @Test
  void onlyCountsThatLeaveOrEndAShortageLookAtTheHolders() {
    assertTrue(ShortStockPolicy.concerns(StockLedger.Levels.of(5, 5), StockLedger.Levels.of(2, 5)));
    assertTrue(ShortStockPolicy.concerns(StockLedger.Levels.of(2, 5), StockLedger.Levels.of(6, 5)));
    assertTrue(ShortStockPolicy.concerns(null, StockLedger.Levels.of(0, 1)));
    assertFalse(ShortStockPolicy.concerns(StockLedger.Levels.of(10, 2), StockLedger.Levels.of(8, 2)));
    assertFalse(ShortStockPolicy.concerns(null, StockLedger.Levels.of(8, 0)));
  }

  @Test
  void aShortCountSetsTheLineOfItsSkuAndWarehouseAndKeepsTheOthers() {
    ShortLine other = new ShortLine("INT-OTHER", "msk-1", 1, 0);
    ShortLine stale = new ShortLine("INT-CUT", "msk-1", 5, 4);
    List<ShortLine> after = ShortStockPolicy.linesAfter(List.of(other, stale), HOLD, StockLedger.Levels.of(2, 5));
    assertEquals(List.of(other, new ShortLine("INT-CUT", "msk-1", 5, 2)), after);
    ShortLine elsewhere = new ShortLine("INT-CUT", "spb-1", 3, 1);
    assertEquals(List.of(elsewhere, new ShortLine("INT-CUT", "msk-1", 5, 2)),
        ShortStockPolicy.linesAfter(List.of(elsewhere), HOLD, StockLedger.Levels.of(2, 5)));
  }

  @Test
  void aCountThatCoversTheHoldsAgainClearsOnlyItsLine() {
    ShortLine other = new ShortLine("INT-OTHER", "msk-1", 1, 0);
    ShortLine cut = new ShortLine("INT-CUT", "msk-1", 5, 2);
    assertEquals(List.of(other), ShortStockPolicy.linesAfter(List.of(cut, other), HOLD, StockLedger.Levels.of(5, 5)));
    assertEquals(List.of(), ShortStockPolicy.linesAfter(List.of(cut), HOLD, StockLedger.Levels.of(9, 5)));
  }

  @Test
  void oneTaskPerOrderSkuAndWarehouseSaysWhatTheSupplierHasAndWhatTheOrderHolds() {
    assertEquals(ShortStockPolicy.taskId("ord_1", "INT-CUT", "msk-1"), ShortStockPolicy.taskId("ord_1", "INT-CUT", "msk-1"));
    assertNotEquals(ShortStockPolicy.taskId("ord_1", "INT-CUT", "msk-1"), ShortStockPolicy.taskId("ord_1", "INT-CUT", "spb-1"));
    assertNotEquals(ShortStockPolicy.taskId("ord_1", "INT-CUT", "msk-1"), ShortStockPolicy.taskId("ord_2", "INT-CUT", "msk-1"));
    String title = ShortStockPolicy.taskTitle(ShortStockPolicy.Source.SUPPLIER, "261130-X7",
        new ShortLine("INT-CUT", "msk-1", 5, 2));
    assertTrue(title.startsWith("Supplier now has 2 of INT-CUT in msk-1, order 261130-X7 holds 5"), title);
    assertTrue(ShortStockPolicy.taskTitle(ShortStockPolicy.Source.STAFF, "261130-X7",
        new ShortLine("INT-CUT", "msk-1", 5, 2)).startsWith("Stock counted by staff: 2 of INT-CUT"));
  }
}
