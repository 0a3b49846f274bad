package dev.storeops.messaging.flows;

import java.util.List;

/** The items of one kind of the due-work index that are due now, oldest first. */
public interface DueQueue<T> {
  /**
   * What one read found, and how many items the store read for it (cost figures); items that could
   * not be read into the flow's record are handed over apart, as failures of their own.
   */
  record Batch<T>(List<T> items, long itemsRead, List<Unreadable> unreadable) {
    public Batch(List<T> items, long itemsRead) {
      this(items, itemsRead, List.of());
    }
  }

  /** A due item whose attributes do not make the flow's record (a malformed or half-written item). */
  record Unreadable(DueRef due, RuntimeException error) {}

  /** At most {@code limit} items due now, oldest first. */
  Batch<T> due(int limit);
}
