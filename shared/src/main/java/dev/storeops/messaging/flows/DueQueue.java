package dev.storeops.messaging.flows;

import java.util.List;

/** The items of one kind of the due-work index that are due now, oldest first. */
public interface DueQueue<T> {
  /** What one read found, and how many items the store read for it (cost figures). */
  record Batch<T>(List<T> items, long itemsRead) {}

  /** At most {@code limit} items due now, oldest first. */
  Batch<T> due(int limit);
}
