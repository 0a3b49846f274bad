package dev.storeops.messaging.flows;

import dev.storeops.ordering.Order;
import java.time.Instant;
import java.util.List;

/**
 * The per-customer state of the order-driven mail flows (reorder reminder, reactivation chain) and
 * the due-work items of all mail flows.
 */
public interface MailFlows {
  /** Due-work kind of the reorder reminder. */
  String REORDER = "reorder";
  /** Due-work kind of the reactivation chain. */
  String REACTIVATION = "reactivation";

  /** What {@link #recordOrders} wrote (false = a newer or equal history was already recorded). */
  record Recorded(boolean reorder, boolean reactivation, Instant reorderDueAt, Instant reactivationDueAt) {}

  /** Recomputes both per-customer flows from the customer's orders (written only when the last order moves forward). */
  Recorded recordOrders(String customerId, List<Order> orders);

  /** The creation time of the customer's newest order, or null. */
  Instant latestOrderAt(String customerId);

  /** Takes the item out of the due index, if it is still due where it was read; false when it moved. */
  boolean clearDue(DueRef item);

  /** Moves a still-due item to {@code at} (kind {@code kind}, id {@code id}) with {@code step}; false when it moved. */
  boolean moveDue(DueRef item, String kind, Instant at, String id, int step);
}
