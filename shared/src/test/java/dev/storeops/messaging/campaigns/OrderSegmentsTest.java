package dev.storeops.messaging.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSegmentsTest {
  @Test
  void categorySegmentsAreCaseInsensitive() {
    String text = OrderSegments.boughtInCategory(" Чай ");
    assertEquals("bought-in-category:чай", text);
    assertEquals(Optional.of(new OrderSegments.Segment("bought-in-category", "чай", 0)), OrderSegments.parse(text));
    assertEquals(text, OrderSegments.parse(text).orElseThrow().text());
  }

  @Test
  void daySegmentsCountBackFromNow() {
    OrderSegments.Segment s = OrderSegments.parse(OrderSegments.orderedInLastDays(30)).orElseThrow();
    assertEquals(Instant.parse("2031-01-01T10:00:00Z"), s.since(Instant.parse("2031-01-31T10:00:00Z")));
    assertEquals("ordered-in-last-days:30", s.text());
  }

  @Test
  void invalidSegmentsAreNotParsed() {
    assertEquals(Optional.empty(), OrderSegments.parse("all-with-consent"));
    assertEquals(Optional.empty(), OrderSegments.parse("ordered-in-last-days:0"));
    assertEquals(Optional.empty(), OrderSegments.parse("ordered-in-last-days:366"));
    assertEquals(Optional.empty(), OrderSegments.parse("ordered-in-last-days:x"));
    assertEquals(Optional.empty(), OrderSegments.parse("bought-in-category:"));
    assertEquals(Optional.empty(), OrderSegments.parse(null));
    assertFalse(OrderSegments.validCategory("<script>"));
    assertTrue(OrderSegments.validDays(365));
  }
}
