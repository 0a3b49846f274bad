package dev.storeops.messaging.sending;

import java.time.Duration;

/**
 * Hands a throttled mail back to the e-mail queue as a fresh message, delayed, carrying how often it
 * was handed back ({@link SendFailurePolicy}); the original is then done. The copy starts with a
 * receive count of 0, so throttling never consumes the queue's DLQ budget: its receives count real
 * failures only.
 */
@FunctionalInterface
public interface MailHandBack {
  /** The message attribute carrying the hand-back count. */
  String THROTTLED_ATTRIBUTE = "throttled";

  void handBack(String body, int handBacks, Duration delay);
}
