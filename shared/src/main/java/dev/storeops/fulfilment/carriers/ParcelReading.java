package dev.storeops.fulfilment.carriers;

import java.time.Instant;

/**
 * A parcel's status in the shop's words ({@link ParcelStatus}), the reason when it comes back, the
 * carrier's code it was read from, and when the carrier recorded it.
 */
public record ParcelReading(ParcelStatus status, RefusalReason reason, String code, Instant at) {
  public ParcelReading {
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
    if ((status == ParcelStatus.REFUSED || status == ParcelStatus.NOT_COLLECTED) != (reason != null)) {
      throw new IllegalArgumentException("a reason goes with REFUSED and NOT_COLLECTED only");
    }
  }
}
