package dev.storeops.fulfilment.carriers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import java.util.Optional;

/**
 * The generic carrier webhook (docs/carriers.md), after its signature was checked: the event is
 * parsed, a repeated event id answers its first outcome and changes nothing, an unknown tracking
 * number of that carrier is {@link NotFound}; otherwise the status acts on the order
 * ({@link ApplyParcelStatus}), is recorded on the parcel, and the event id is remembered — after the
 * effects, which are idempotent themselves, so a crash in between only repeats harmless work.
 */
public final class ReceiveCarrierStatus {
  private static final Log LOG = Log.get(ReceiveCarrierStatus.class);

  /** The answer of the webhook. */
  public record Result(String carrier, String eventId, String orderId, boolean duplicate, String status,
      String outcome, String orderStatus) {}

  private final ParcelStore store;
  private final CarrierStatusPolicy policy;
  private final ApplyParcelStatus apply;

  public ReceiveCarrierStatus(ParcelStore store, CarrierStatusPolicy policy, ApplyParcelStatus apply) {
    this.store = store;
    this.policy = policy;
    this.apply = apply;
  }

  public Result receive(String carrierName, byte[] body) {
    String carrier = Carriers.id(carrierName);
    if (carrier == null) {
      throw new NotFound("Carrier " + carrierName);
    }
    CarrierStatusEvent e = CarrierStatusEvent.parse(body);
    Optional<String> before = store.eventOutcome(carrier, e.eventId());
    Parcel parcel = store.find(carrier, e.trackingNumber())
        .orElseThrow(() -> new NotFound("Parcel " + e.trackingNumber() + " of carrier " + carrier));
    if (before.isPresent()) {
      return new Result(carrier, e.eventId(), parcel.orderId(), true, e.status().name(), before.get(), null);
    }
    ParcelReading reading = policy.generic(e.status(), e.at());
    ApplyParcelStatus.Outcome o = parcel.isNews(reading) || reading.status().isFinal()
        ? apply.apply(parcel, reading) : new ApplyParcelStatus.Outcome("STALE", null);
    store.reported(parcel.reported(reading));
    store.eventHandled(carrier, e.eventId(), parcel.orderId(), o.outcome());
    LOG.info("carrier status received", "carrier", carrier, "eventId", e.eventId(), "orderId", parcel.orderId(),
        "status", e.status(), "outcome", o.outcome());
    return new Result(carrier, e.eventId(), parcel.orderId(), false, e.status().name(), o.outcome(), o.orderStatus());
  }
}
