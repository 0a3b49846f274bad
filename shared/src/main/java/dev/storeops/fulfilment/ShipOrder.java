package dev.storeops.fulfilment;

import dev.storeops.platform.errors.Validation;
import java.time.Clock;
import java.time.Instant;

/**
 * Ship an order (staff API): READY_TO_SHIP → SHIPPED with the carrier and tracking number (each
 * required, at most 100 characters), as {@link ShipmentPolicy} decides; repeating it with the same
 * tracking number changes nothing. Then the customer's shipped mail and SMS ({@link CustomerNotices},
 * once per order: repeating the request enqueues them again and the senders send nothing twice).
 */
public final class ShipOrder {
  /** The body of {@code POST /staff/orders/{id}/ship}. */
  public record Request(String carrier, String trackingNumber) {}

  private final OrderMutations mutations;
  private final ShipmentPolicy policy;
  private final CustomerNotices notices;
  private final Clock clock;

  public ShipOrder(OrderMutations mutations, ShipmentPolicy policy, CustomerNotices notices, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.notices = notices;
    this.clock = clock;
  }

  public OrderFile ship(String orderId, String by, Request r) {
    Validation v = new Validation();
    String carrier = text(r == null ? null : r.carrier(), "carrier", ShipmentPolicy.MAX_FIELD_LENGTH, v);
    String tracking = text(r == null ? null : r.trackingNumber(), "trackingNumber", ShipmentPolicy.MAX_FIELD_LENGTH, v);
    v.throwIfInvalid();
    Instant now = clock.instant();
    OrderFile f = mutations.mutate(orderId, f0 -> policy.ship(f0, by, carrier, tracking, now)).file();
    notices.afterChange(f.order(), f.shipment());
    return f;
  }

  private static String text(String raw, String field, int max, Validation v) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required");
      return null;
    }
    if (raw.strip().length() > max) {
      v.error(field, "must be at most " + max + " characters");
    }
    return raw.strip();
  }
}
