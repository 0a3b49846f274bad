package dev.storeops.ordering;

/** The states of an order's life (see {@link OrderLifecycle} for who may change them). */
public enum OrderStatus {
  NEW, AWAITING_PAYMENT, PAID, CONFIRMED, READY_TO_SHIP, SHIPPED, DELIVERED, CANCELLED;

  /** Counted as an open order of its manager (not finished, not cancelled). */
  public boolean open() {
    return this != DELIVERED && this != CANCELLED;
  }

  /** The order holds reserved stock in this state (placed, not yet shipped nor cancelled). */
  public boolean holdsStock() {
    return open() && this != SHIPPED;
  }
}
