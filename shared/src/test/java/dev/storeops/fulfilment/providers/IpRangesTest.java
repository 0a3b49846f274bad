package dev.storeops.fulfilment.providers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangesTest {
  private final IpRanges yookassa = IpRanges.parse(IpRanges.YOOKASSA_PUBLISHED);

  @Test
  void yookassasPublishedRangesContainTheirAddressesOnly() {
    assertTrue(yookassa.contains("185.71.76.0"));
    assertTrue(yookassa.contains("185.71.76.31"));
    assertFalse(yookassa.contains("185.71.76.32"));
    assertTrue(yookassa.contains("77.75.156.11"));
    assertFalse(yookassa.contains("77.75.156.12"));
    assertTrue(yookassa.contains("77.75.154.200"));
    assertTrue(yookassa.contains("2a02:5180::1"));
    assertFalse(yookassa.contains("2a02:5181::1"));
    assertFalse(yookassa.contains("203.0.113.7"));
  }

  @Test
  void namesAndGarbageAreNeverInARangeAndAreNotResolved() {
    assertFalse(yookassa.contains("yookassa.ru"));
    assertFalse(yookassa.contains(""));
    assertFalse(yookassa.contains(null));
    assertThrows(IllegalStateException.class, () -> IpRanges.parse("10.0.0.0/33"));
    assertThrows(IllegalStateException.class, () -> IpRanges.parse("example.com"));
  }
}
