package dev.storeops.supplierfeeds.core;

import java.time.Instant;

/** The feeds' states (DynamoDB). */
public interface FeedStates {
  FeedState get(String supplierId);

  /**
   * Takes the run: sets the last attempt to {@code now} only when it is still {@code previous} (null: never
   * tried), so that two overlapping runs never fetch the same feed twice; false when another run took it.
   */
  boolean claim(String supplierId, Instant previous, Instant now);

  void save(FeedState state);
}
