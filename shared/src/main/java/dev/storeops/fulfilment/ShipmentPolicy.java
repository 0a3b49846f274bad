package dev.storeops.fulfilment;

import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shipping: only an order READY_TO_SHIP can be shipped, and staff record the carrier and tracking
 * number (each required, at most 100 characters); shipping again with the same tracking number
 * changes nothing. Decides only; no I/O.
 */
public final class ShipmentPolicy {
  /** Longest carrier name or tracking number. */
  public static final int MAX_FIELD_LENGTH = 100;

  /** READY_TO_SHIP → SHIPPED with the shipment recorded; null when already shipped with this tracking number. */
  public OrderChange ship(OrderFile f, String by, String carrier, String tracking, Instant now) {
    if (f.order().status() == OrderStatus.SHIPPED && f.shipment() != null
        && tracking.equals(f.shipment().get("trackingNumber"))) {
      return null;
    }
    Transitions.requireAllowed(f.order(), OrderStatus.SHIPPED);
    Map<String, Object> shipment = new LinkedHashMap<>();
    shipment.put("carrier", carrier);
    shipment.put("trackingNumber", tracking);
    shipment.put("shippedAt", now.toString());
    shipment.put("shippedBy", by);
    return new OrderChange(f, now).shipment(shipment).moved(OrderLifecycle.transition(f.order(), OrderStatus.SHIPPED,
        now, by, "shipped with " + carrier + ", tracking " + tracking));
  }
}
