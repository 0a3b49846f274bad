package dev.storeops.fulfilment.carriers;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.batch.PoisonItems;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where parcels are filed (docs/carriers.md): one item per carrier and tracking number, written in the
 * shipping transaction; a polled carrier's parcel sits on the due-work index (kind {@value #KIND})
 * until its final status. Also where carrier webhook events are remembered, and the poll's
 * {@link PoisonItems.Ledger}.
 */
public interface ParcelStore extends PoisonItems.Ledger {
  /** Due-work kind of the parcel poll. */
  String KIND = "parcel-poll";

  /** A parcel due for a poll, and where it sat on the index when read. */
  record DueParcel(DueItem at, Parcel parcel) {}

  Optional<Parcel> find(String carrier, String trackingNumber);

  /** Parcels due for a poll now, oldest first, at most {@code limit}. */
  List<DueParcel> due(int limit);

  /**
   * Writes the parcel after a poll and moves it to {@code nextPoll} on the index (null: off the index),
   * if it is still where it was read; false when it moved meanwhile (another run handled it).
   */
  boolean polled(DueParcel read, Parcel after, Instant nextPoll);

  /** Writes the parcel after a reported status; a final status takes it off the index. */
  void reported(Parcel after);

  /** The outcome recorded for a carrier's event id, if it was handled before. */
  Optional<String> eventOutcome(String carrier, String eventId);

  /** Remembers a handled event (after its effects, which are idempotent themselves). */
  void eventHandled(String carrier, String eventId, String orderId, String outcome);
}
