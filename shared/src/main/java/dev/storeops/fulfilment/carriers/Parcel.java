package dev.storeops.fulfilment.carriers;

import java.time.Instant;

/**
 * A shipped parcel as the shop follows it (docs/carriers.md): filed under its carrier and tracking
 * number when the order ships, with what the carrier said last. {@code polls} counts the shop's
 * questions to the carrier, {@code quietPolls} those since the status last changed (the poll backs off
 * while nothing moves), {@code outages} the failed questions in a row.
 */
public record Parcel(String carrier, String trackingNumber, String orderId, Instant shippedAt, int polls,
    int quietPolls, int outages, ParcelStatus lastStatus, RefusalReason lastReason, String lastCode,
    Instant lastStatusAt) {

  /** Whether {@code r} is news: a status the parcel did not have, at the same time or later. */
  public boolean isNews(ParcelReading r) {
    if (r == null) {
      return false;
    }
    if (lastStatusAt != null && r.at() != null && r.at().isBefore(lastStatusAt)) {
      return false;
    }
    return lastStatus != r.status() || lastCode == null || !lastCode.equals(r.code());
  }

  /** After one answered poll: counted, and the reading kept when it is news. */
  public Parcel polled(ParcelReading r) {
    if (isNews(r)) {
      return new Parcel(carrier, trackingNumber, orderId, shippedAt, polls + 1, 0, 0, r.status(), r.reason(),
          r.code(), r.at());
    }
    return new Parcel(carrier, trackingNumber, orderId, shippedAt, polls + 1, quietPolls + 1, 0, lastStatus,
        lastReason, lastCode, lastStatusAt);
  }

  /** After a poll the carrier did not answer. */
  public Parcel unanswered() {
    return new Parcel(carrier, trackingNumber, orderId, shippedAt, polls, quietPolls, outages + 1, lastStatus,
        lastReason, lastCode, lastStatusAt);
  }

  /** With a status reported (the webhook) when it is news; else unchanged. */
  public Parcel reported(ParcelReading r) {
    if (!isNews(r)) {
      return this;
    }
    return new Parcel(carrier, trackingNumber, orderId, shippedAt, polls, 0, outages, r.status(), r.reason(),
        r.code(), r.at());
  }
}
