package dev.storeops.fulfilment.carriers;

import java.time.Duration;
import java.time.Instant;

/**
 * When a polled parcel is asked about again (docs/carriers.md): every {@code interval} (setting
 * {@code CARRIER_POLL_MINUTES}, default 60) while its status moves; each poll without news doubles the
 * pause up to 4 × the interval; a carrier outage doubles it per failed poll in a row up to 16 × the
 * interval; a final status ends the polling, and so does the parcel's age past {@code maxAge} (setting
 * {@code CARRIER_POLL_MAX_DAYS}, default 60: the order stays SHIPPED for staff to settle). Decides only.
 */
public final class ParcelPollSchedule {
  static final int QUIET_FACTOR_MAX = 4;
  static final int OUTAGE_FACTOR_MAX = 16;
  private final Duration interval;
  private final Duration maxAge;

  public ParcelPollSchedule(Duration interval, Duration maxAge) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    this.interval = interval;
    this.maxAge = maxAge;
  }

  public static ParcelPollSchedule from(CarrierSettings s) {
    return new ParcelPollSchedule(s.pollInterval(), s.maxAge());
  }

  /** The next poll after an answered one, or null when polling ends (final status, or too old). */
  public Instant next(Parcel p, Instant now) {
    if (p.lastStatus() != null && p.lastStatus().isFinal()) {
      return null;
    }
    if (tooOld(p, now)) {
      return null;
    }
    return now.plus(interval.multipliedBy(factor(p.quietPolls(), QUIET_FACTOR_MAX)));
  }

  /** The next poll after {@code p.outages()} unanswered polls in a row (never ends the polling). */
  public Instant afterOutage(Parcel p, Instant now) {
    return now.plus(interval.multipliedBy(factor(p.outages(), OUTAGE_FACTOR_MAX)));
  }

  public boolean tooOld(Parcel p, Instant now) {
    return p.shippedAt() != null && !now.isBefore(p.shippedAt().plus(maxAge));
  }

  private static long factor(int steps, int max) {
    long f = 1;
    for (int i = 0; i < steps && f < max; i++) {
      f *= 2;
    }
    return Math.min(f, max);
  }
}
