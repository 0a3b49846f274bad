package dev.storeops.messaging.sending;

import java.time.Instant;

/** When a customer last got marketing mail, claimed atomically so two senders cannot both pass the cap. */
public interface FrequencyCap {
  /** The instant of the customer's last marketing mail, or {@code null}. */
  Instant lastMarketingAt(String customerId);

  /** Moves the last marketing instant from {@code expected} (as read) to {@code now}; {@code false} if it changed meanwhile. */
  boolean claim(String customerId, Instant expected, Instant now, String dedupeKey);

  /** Undoes a claim of {@code dedupeKey} (the send failed), back to {@code previous}. */
  void release(String customerId, Instant previous, Instant claimedAt, String dedupeKey);
}
