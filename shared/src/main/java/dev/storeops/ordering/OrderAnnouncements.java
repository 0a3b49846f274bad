package dev.storeops.ordering;

import dev.storeops.platform.batch.DueItem;
import java.time.Instant;
import java.util.List;

/**
 * The announce due item of each order ({@code ORDER#<id> / ANNOUNCE}, kind {@value #KIND}): written in
 * the order's create transaction, due {@link AnnounceOrders#GRACE} after creation, removed when
 * order-events has run the after-creation steps. An item still there when due is an order whose
 * {@link OrderCreated} was lost: {@link AnnounceOrders} publishes it again.
 */
public interface OrderAnnouncements {
  /** Due-work kind of orders not yet announced. */
  String KIND = "order-announce";

  /** One due announce item: where it sits, its order, and how often the sweeper published it already. */
  /**
   * @param pendingMoves the state of stock moves the item still lists ({@code pending}: the first
   *     reservations of a large order whose last transaction never came; {@code draining}: moves decided
   *     and not all written — docs/orders.md, "40 lines do not fit one transaction"), else null
   */
  record Due(DueItem at, String orderId, Instant createdAt, int republished, String pendingMoves) {
    public Due(DueItem at, String orderId, Instant createdAt, int republished) {
      this(at, orderId, createdAt, republished, null);
    }
  }

  /** Announce items due now, oldest first, at most {@code limit}. */
  List<Due> due(int limit);

  /** The after-creation steps of the order ran: its announce item goes (idempotent). */
  void announced(String orderId);

  /**
   * Writes the stock moves the item still lists: a pending intake is claimed (its order can no longer be
   * written) and its reservations released; decided moves are written. The item then leaves the index.
   *
   * @return false when there was nothing to write (the order was written meanwhile)
   */
  boolean finishMoves(Due item);

  /** The sweeper published the order again: the item moves to {@code nextCheck}; false when it moved or went meanwhile. */
  boolean republished(Due item, Instant nextCheck);
}
