package dev.storeops.stack.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {
  private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

  @Test
  void standsStillUntilMovedThenMovesByExactlyTheDurationGiven() {
    MovableClock clock = new MovableClock(START);
    assertEquals(START, clock.instant());
    assertEquals(START, clock.instant());
    assertEquals(START.toEpochMilli(), clock.millis());
    clock.advance(Duration.ofMinutes(90));
    assertEquals(Instant.parse("2026-11-30T07:30:00Z"), clock.instant());
    clock.advance(Duration.ofDays(2).plusSeconds(1));
    assertEquals(Instant.parse("2026-12-02T07:30:01Z"), clock.instant());
    clock.set(START);
    assertEquals(START, clock.instant());
  }

  @Test
  void isUtcAndStaysTheSameClockWhateverZoneIsAsked() {
    MovableClock clock = new MovableClock(START);
    assertEquals(ZoneOffset.UTC, clock.getZone());
    assertSame(clock, clock.withZone(ZoneId.of("Europe/Moscow")));
    clock.advance(Duration.ofHours(1));
    assertEquals(START.plus(Duration.ofHours(1)), clock.withZone(ZoneId.of("Asia/Vladivostok")).instant());
  }
}
