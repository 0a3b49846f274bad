package dev.storeops.fulfilment;

import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;

/**
 * When the customer hears "your order is ready for pickup": an order whose delivery method is {@link
 * DeliveryMethod#PICKUP} that is READY_TO_SHIP. The shop has no separate "assembled" state: an order
 * reaches READY_TO_SHIP once confirmed by phone (cash on delivery) or paid, and its stock has been
 * reserved at the pickup warehouse since it was placed, so it can be collected from then on.
 * Courier and parcel orders hear nothing at READY_TO_SHIP (they hear "shipped"). Decides only; no I/O.
 */
public final class ReadyForPickupPolicy {
  private ReadyForPickupPolicy() {}

  public static boolean due(Order o) {
    return o.status() == OrderStatus.READY_TO_SHIP && o.delivery() != null
        && o.delivery().method() == DeliveryMethod.PICKUP;
  }
}
