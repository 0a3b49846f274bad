package dev.storeops.fulfilment.carriers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a carrier's status means for the order (docs/carriers.md). CDEK (API v2, its status codes as
 * documented in "Приложение 1. Статусы заказа"): {@code DELIVERED} → delivered; {@code NOT_DELIVERED}
 * and {@code RETURNED_TO_SENDER_WAREHOUSE} → the parcel comes back (reason NOT_DELIVERED);
 * {@code POSTOMAT_SEIZED} (taken out of the parcel locker after the storage time) → not collected;
 * {@code ACCEPTED_AT_PICK_UP_POINT} and {@code POSTOMAT_POSTED} → ready for pickup (recorded only);
 * every other code, and a code the shop does not know yet, → in transit. The generic webhook's statuses
 * are the shop's own ({@link ParcelStatus}); REFUSED and NOT_COLLECTED carry themselves as reason.
 * Decides only; no I/O.
 */
public final class CarrierStatusPolicy {
  /** CDEK codes of a parcel coming back to the shop. */
  static final Set<String> CDEK_NOT_DELIVERED = Set.of("NOT_DELIVERED", "RETURNED_TO_SENDER_WAREHOUSE");
  static final Set<String> CDEK_NOT_COLLECTED = Set.of("POSTOMAT_SEIZED");
  static final Set<String> CDEK_READY_FOR_PICKUP = Set.of("ACCEPTED_AT_PICK_UP_POINT", "POSTOMAT_POSTED");

  /** The meaning of one CDEK status code. */
  public ParcelReading cdek(CarrierEvent e) {
    String code = e.code() == null ? "" : e.code().trim().toUpperCase(Locale.ROOT);
    if (code.equals("DELIVERED")) {
      return new ParcelReading(ParcelStatus.DELIVERED, null, code, e.at());
    }
    if (CDEK_NOT_DELIVERED.contains(code)) {
      return new ParcelReading(ParcelStatus.REFUSED, RefusalReason.NOT_DELIVERED, code, e.at());
    }
    if (CDEK_NOT_COLLECTED.contains(code)) {
      return new ParcelReading(ParcelStatus.NOT_COLLECTED, RefusalReason.NOT_COLLECTED, code, e.at());
    }
    if (CDEK_READY_FOR_PICKUP.contains(code)) {
      return new ParcelReading(ParcelStatus.READY_FOR_PICKUP, null, code, e.at());
    }
    return new ParcelReading(ParcelStatus.IN_TRANSIT, null, code, e.at());
  }

  /**
   * The parcel's current status from CDEK's list: the latest status by its time (CDEK lists them
   * newest first, but the order of a JSON array is not relied on); empty when CDEK has none yet.
   */
  public Optional<ParcelReading> cdekLatest(List<CarrierEvent> events) {
    return events.stream().filter(e -> e.at() != null)
        .max(Comparator.comparing(CarrierEvent::at))
        .map(this::cdek);
  }

  /** The meaning of a status sent to the generic webhook. */
  public ParcelReading generic(ParcelStatus status, Instant at) {
    RefusalReason reason = switch (status) {
      case REFUSED -> RefusalReason.REFUSED;
      case NOT_COLLECTED -> RefusalReason.NOT_COLLECTED;
      default -> null;
    };
    return new ParcelReading(status, reason, status.name(), at);
  }
}
