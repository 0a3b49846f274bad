package dev.storeops.fulfilment;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import java.util.List;
import java.util.Optional;

/**
 * Where the payment and follow-up rules read orders and apply their changes; also where the
 * payment-deadline run records an order that fails ({@link PoisonItems.Ledger}).
 */
public interface OrderFlowStore extends PoisonItems.Ledger {
  enum Result {
    APPLIED,
    /**
     * The order (status or revision) or a stock item it releases or consumes ({@code onHand},
     * {@code reserved}) changed since it was read: read again and decide again.
     */
    CONFLICT,
    /** The provider event was claimed before: nothing was written. */
    DUPLICATE_EVENT
  }

  Optional<OrderFile> find(String orderId);

  /** Whether a provider event id was already processed. */
  boolean eventSeen(String eventId);

  /**
   * Applies the change in one transaction: the order update (conditioned on the status and revision
   * read), one stock release per reservation when it cancels, the manager's open-order count when the
   * order closes, and the event claim ({@code attribute_not_exists}) when it carries one.
   */
  Result apply(OrderChange change);

  /** Orders whose payment deadline has passed (through the due-work index), oldest first; {@link DueItem#id()} is the order id. */
  List<DueItem> paymentDue(int limit);

  /** Takes the order off the due-work index if it is still at {@code dueSk}; false when it moved. */
  boolean clearDue(String orderId, String dueSk);
}
