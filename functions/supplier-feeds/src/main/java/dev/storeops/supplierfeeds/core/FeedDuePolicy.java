package dev.storeops.supplierfeeds.core;

import dev.storeops.platform.schedule.ScheduleExpression;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Rule: when a supplier's feed is fetched. Its {@code schedule} is an EventBridge expression: {@code
 * rate(N minutes|hours|days)} counts from the last attempt; {@code cron(min hour day month weekday year)}
 * is read in the shop's time zone. A feed never tried is due at once; otherwise it is due when the
 * expression's first firing after the last attempt has come. The job that asks runs every few minutes
 * (template: {@code SupplierFeedsFunction}), so a firing is served within one tick.
 */
public final class FeedDuePolicy {
  private FeedDuePolicy() {}

  /** Throws {@link IllegalArgumentException} naming the problem when the expression is not valid. */
  public static ScheduleExpression parse(String schedule, ZoneId zone, Instant lastAttempt) {
    return ScheduleExpression.parse(schedule, zone, lastAttempt == null ? Instant.EPOCH : lastAttempt);
  }

  public static boolean due(String schedule, ZoneId zone, Instant lastAttempt, Instant now) {
    if (lastAttempt == null) {
      parse(schedule, zone, null);
      return true;
    }
    return parse(schedule, zone, lastAttempt).next(lastAttempt).map(next -> !next.isAfter(now)).orElse(false);
  }
}
