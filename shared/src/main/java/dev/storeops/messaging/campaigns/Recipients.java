package dev.storeops.messaging.campaigns;

import dev.storeops.customers.Customer;
import java.time.Instant;
import java.util.function.Consumer;

/** A segment's customers with what the sender will check: suppression and the last marketing mail. */
public interface Recipients {
  /** One customer of the segment. */
  record Candidate(Customer customer, boolean suppressed, Instant lastMarketingAt) {}

  void forEach(String segment, Consumer<Candidate> action);
}
