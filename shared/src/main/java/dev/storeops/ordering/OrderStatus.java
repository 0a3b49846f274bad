package dev.storeops.ordering;

/** The states of an order's life (see {@link OrderLifecycle} for who may change them). */
public enum OrderStatus {
  NEW, AWAITING_PAYMENT, PAID, CONFIRMED, READY_TO_SHIP, SHIPPED, DELIVERED, CANCELLED,
  /** A shipped parcel refused at the door or not collected: on its way back (docs/returns.md). */
  RETURNING,
  /** The refused parcel arrived back, its units restocked: closed with the reason (docs/returns.md). */
  RETURNED;

  /** Counted as an open order of its manager (not finished, not cancelled). */
  public boolean open() {
    return this != DELIVERED && this != CANCELLED && this != RETURNED;
  }

  /** The order holds reserved stock in this state (placed, not yet shipped nor cancelled). */
  public boolean holdsStock() {
    return open() && this != SHIPPED && this != RETURNING;
  }

  /** A refused parcel (on its way back or back): not a sale (docs/returns.md). */
  public boolean refused() {
    return this == RETURNING || this == RETURNED;
  }
}
