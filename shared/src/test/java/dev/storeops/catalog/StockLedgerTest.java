package dev.storeops.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.catalog.StockLedger.Levels;
import org.junit.jupiter.api.Test;

class StockLedgerTest {
  @Test
  void releaseNeverMakesMoreAvailableThanIsOnHand() {
    // onHand 5, reserved 5, the supplier says 2: a cancel of 5 leaves 2 available, not 5
    assertEquals(new Levels(2, 0, 2), StockLedger.release(2, 5, 5));
    assertEquals(new Levels(10, 3, 7), StockLedger.release(10, 5, 2));
  }

  @Test
  void consumeTakesTheUnitsOutOfOnHandAndReserved() {
    assertEquals(new Levels(8, 0, 8), StockLedger.consume(10, 2, 2));
    assertEquals(new Levels(8, 3, 5), StockLedger.consume(10, 5, 2));
  }

  @Test
  void nothingGoesBelowZero() {
    assertEquals(new Levels(0, 0, 0), StockLedger.consume(1, 1, 2));
    assertEquals(new Levels(3, 0, 3), StockLedger.release(3, 1, 2));
    assertEquals(new Levels(0, 4, 0), StockLedger.release(0, 6, 2));
  }
}
