package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafetyStopPolicyTest {
  @Test
  void aFileWithoutAValidRowIsRefused() {
    assertEquals("the file has no valid row (12 rejected): nothing was changed",
        SafetyStopPolicy.emptyFile(0, 12).orElseThrow());
    assertTrue(SafetyStopPolicy.emptyFile(1, 12).isEmpty());
  }

  @Test
  void zeroingMoreThanTheShareOfStockedSkusIsRefusedAtTheLimitItIsNot() {
    assertTrue(SafetyStopPolicy.tooManyZeroed(5, 10, 0.5).isEmpty(), "exactly the limit passes");
    String refusal = SafetyStopPolicy.tooManyZeroed(6, 10, 0.5).orElseThrow();
    assertEquals("the file would set 6 of the 10 SKUs this supplier has in stock to zero (60% > maxZeroShare 50%):"
        + " nothing was changed", refusal);
  }

  @Test
  void aSupplierWithNothingInStockCannotBeZeroedTooMuch() {
    assertTrue(SafetyStopPolicy.tooManyZeroed(0, 0, 0.0).isEmpty());
  }
}
