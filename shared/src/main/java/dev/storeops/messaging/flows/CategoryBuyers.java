package dev.storeops.messaging.flows;

import java.time.Instant;

/** The campaign segment "bought in a category": who bought in which category, and when last. */
public interface CategoryBuyers {
  /** Records the customer as a buyer of {@code category} (a category key) at {@code at}; keeps the latest time. */
  void recordBuyer(String customerId, String category, Instant at);
}
