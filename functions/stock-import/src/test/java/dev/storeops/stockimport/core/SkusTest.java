package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SkusTest {
  @Test
  void normalises() {
    assertEquals("125", Skus.normalize("125.0"));
    assertEquals("125", Skus.normalize(" 125.00 "));
    assertEquals("00124", Skus.normalize("00124"));
    assertEquals("00124", Skus.normalize("\u00A000124 "));
    assertEquals("AB-1.5", Skus.normalize("AB-1.5"));
    assertEquals("125.5", Skus.normalize("125.5"));
    assertNull(Skus.normalize("   "));
    assertNull(Skus.normalize(null));
  }

  @Test
  void refusesKeysThatBreakTheKeyScheme() {
    assertNotNull(Skus.problem("A#1"));
    assertNotNull(Skus.problem("x".repeat(65)));
    assertNull(Skus.problem("ЖК-100/2"));
  }
}
