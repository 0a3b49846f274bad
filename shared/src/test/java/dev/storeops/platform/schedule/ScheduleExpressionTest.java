package dev.storeops.platform.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant ORIGIN = Instant.parse("2026-11-23T10:00:00Z");

  private static Instant next(String expression, ZoneId zone, String after) {
    return ScheduleExpression.parse(expression, zone, ORIGIN).next(Instant.parse(after)).orElseThrow();
  }

  @Test
  void rateFiresEveryPeriodFromTheOrigin() {
    assertEquals(Instant.parse("2026-11-23T10:05:00Z"), next("rate(5 minutes)", UTC, "2026-11-23T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-23T10:10:00Z"), next("rate(5 minutes)", UTC, "2026-11-23T10:07:30Z"));
    assertEquals(Instant.parse("2026-11-23T11:00:00Z"), next("rate(1 hour)", UTC, "2026-11-23T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-25T10:00:00Z"), next("rate(2 days)", UTC, "2026-11-23T10:00:01Z"));
    assertEquals(Instant.parse("2026-11-23T10:01:00Z"), next("rate(1 minute)", UTC, "2026-11-23T09:00:00Z"));
  }

  @Test
  void dailyCronAtNoonUtc() {
    assertEquals(Instant.parse("2026-11-24T12:00:00Z"), next("cron(0 12 * * ? *)", UTC, "2026-11-23T12:00:00Z"));
    assertEquals(Instant.parse("2026-11-23T12:00:00Z"), next("cron(0 12 * * ? *)", UTC, "2026-11-23T11:59:59Z"));
  }

  @Test
  void stepsListsAndRanges() {
    assertEquals(Instant.parse("2026-11-23T10:15:00Z"), next("cron(0/15 * * * ? *)", UTC, "2026-11-23T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-23T10:45:00Z"), next("cron(10,45 * * * ? *)", UTC, "2026-11-23T10:10:00Z"));
    assertEquals(Instant.parse("2026-11-23T14:00:00Z"), next("cron(0 9-17/5 * * ? *)", UTC, "2026-11-23T09:00:00Z"));
  }

  @Test
  void weekdaysInTheScheduleTimeZone() {
    // 2026-11-27 is a Friday; 09:00 in Moscow (UTC+3) on weekdays → Monday 2026-11-30 06:00Z
    assertEquals(Instant.parse("2026-11-30T06:00:00Z"),
        next("cron(0 9 ? * MON-FRI *)", ZoneId.of("Europe/Moscow"), "2026-11-27T06:00:00Z"));
    assertEquals(Instant.parse("2026-11-30T06:00:00Z"),
        next("cron(0 9 ? * 2-6 *)", ZoneId.of("Europe/Moscow"), "2026-11-27T06:00:00Z"));
  }

  @Test
  void lastDayLastWeekdayAndNthWeekday() {
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), next("cron(0 0 L * ? *)", UTC, "2026-11-23T10:00:00Z"));
    assertEquals(Instant.parse("2027-02-28T00:00:00Z"), next("cron(0 0 L * ? *)", UTC, "2027-02-01T00:00:00Z"));
    // last Friday of November 2026 is the 27th
    assertEquals(Instant.parse("2026-11-27T10:00:00Z"), next("cron(0 10 ? * 6L *)", UTC, "2026-11-23T10:00:00Z"));
    // first Monday of December 2026 is the 7th
    assertEquals(Instant.parse("2026-12-07T08:00:00Z"), next("cron(0 8 ? * 2#1 *)", UTC, "2026-11-23T10:00:00Z"));
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), next("cron(0 0 1 JAN ? *)", UTC, "2026-11-23T10:00:00Z"));
  }

  @Test
  void aTimeThatDoesNotExistOnADstChangeIsSkipped() {
    // 2027-03-14 02:30 does not exist in New York (clocks jump 02:00 → 03:00)
    assertEquals(Instant.parse("2027-03-15T06:30:00Z"),
        next("cron(30 2 * * ? *)", ZoneId.of("America/New_York"), "2027-03-13T08:00:00Z"));
  }

  @Test
  void yearsBoundTheSchedule() {
    assertTrue(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)", UTC, ORIGIN).next(ORIGIN).isEmpty());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), next("cron(0 0 1 1 ? 2030-2031)", UTC, "2026-11-23T10:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "rate(five minutes)",
      "cron(0 12 * * *)", "cron(0 12 * * * *)", "cron(0 12 ? * ? *)", "cron(60 12 * * ? *)", "cron(0 12 15W * ? *)",
      "cron(0 12 * FOO ? *)", "every 5 minutes", "cron(0 12 5-1 * ? *)"})
  void rejectsWhatEventBridgeRejects(String expression) {
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression, UTC, ORIGIN));
  }
}
