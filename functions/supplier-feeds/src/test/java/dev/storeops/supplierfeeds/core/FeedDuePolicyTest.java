package dev.storeops.supplierfeeds.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a feed is fetched: rate from the last attempt, cron in the shop's time zone, never tried = now. */
class FeedDuePolicyTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void aFeedNeverTriedIsDueAtOnce() {
    assertTrue(FeedDuePolicy.due("rate(1 day)", MOSCOW, null, Instant.parse("2026-11-30T10:00:00Z")));
  }

  @Test
  void aRateCountsFromTheLastAttempt() {
    Instant last = Instant.parse("2026-11-30T10:00:00Z");
    assertFalse(FeedDuePolicy.due("rate(6 hours)", MOSCOW, last, Instant.parse("2026-11-30T15:59:59Z")));
    assertTrue(FeedDuePolicy.due("rate(6 hours)", MOSCOW, last, Instant.parse("2026-11-30T16:00:00Z")));
  }

  @Test
  void aCronIsReadInTheShopsTimeZone() {
    // 06:00 Moscow = 03:00 UTC
    Instant yesterday = Instant.parse("2026-11-29T03:00:10Z");
    assertFalse(FeedDuePolicy.due("cron(0 6 * * ? *)", MOSCOW, yesterday, Instant.parse("2026-11-30T02:59:00Z")));
    assertTrue(FeedDuePolicy.due("cron(0 6 * * ? *)", MOSCOW, yesterday, Instant.parse("2026-11-30T03:00:00Z")));
    // weekdays only: Saturday's firing does not exist, Monday's does
    Instant friday = Instant.parse("2026-11-27T03:00:00Z");
    assertFalse(FeedDuePolicy.due("cron(0 6 ? * MON-FRI *)", MOSCOW, friday, Instant.parse("2026-11-29T12:00:00Z")));
    assertTrue(FeedDuePolicy.due("cron(0 6 ? * MON-FRI *)", MOSCOW, friday, Instant.parse("2026-11-30T03:00:00Z")));
  }

  @Test
  void aBadExpressionIsNamed() {
    assertThrows(IllegalArgumentException.class, () -> FeedDuePolicy.due("daily", MOSCOW, null, Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> FeedDuePolicy.due("rate(0 minutes)", MOSCOW, Instant.EPOCH,
        Instant.EPOCH));
  }
}
