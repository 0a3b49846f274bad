package dev.storeops.fulfilment.carriers;

import java.util.List;

/** A carrier's tracking API, as the parcel poll asks it (CDEK: {@code fulfilment/cdek/HttpCdekTracking}). */
public interface CarrierTracking {
  /**
   * The statuses the carrier has for a tracking number, in any order; empty when the carrier does not
   * know the number (yet). A carrier that cannot be reached or answers with an error throws {@link Unavailable}.
   */
  List<CarrierEvent> statuses(String trackingNumber);

  /** The carrier did not answer (network, timeout, 5xx, 429, refused credentials). */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }
}
