package dev.storeops.fulfilment.carriers;

import dev.storeops.ordering.OrderStatus;
import java.time.Instant;

/**
 * What a final carrier status does to the order (docs/carriers.md): the port between the carrier
 * status and the order's state machine. Each call is idempotent (a status read twice, a webhook
 * delivered twice, moves the order once). Implemented by {@link OrderParcelMoves}.
 */
public interface ParcelMoves {
  /** What happened: whether this call changed anything, and the order's status after it. */
  record Moved(boolean changed, OrderStatus orderStatus) {}

  /** The carrier handed the parcel over. */
  Moved delivered(String orderId, Instant at);

  /** The parcel comes back: refused, not delivered or not collected. */
  Moved refused(String orderId, RefusalReason reason, Instant at);
}
