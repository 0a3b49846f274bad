package dev.storeops.messaging.sending;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry per dedupe key. A sender first <em>reserves</em> the key (a lease), then sends, then
 * <em>completes</em> it; a failed attempt <em>releases</em> it so the retry can take it again.
 */
public interface SendLog extends SendConfirmations {
  /**
   * Takes the key for {@code attemptId}: {@code true} when it was free, or reserved by an attempt
   * whose lease ended before {@code staleBefore} (that attempt crashed), or {@code SENDING} for longer
   * than {@link EmailService#CONFIRMATION_WINDOW} with no {@link #confirmAccepted SES Send event} for it
   * (that attempt crashed around its SES call and SES did not say it took the mail); {@code false} when the mail is done
   * (sent, skipped, rejected, unconfirmed, or {@code SENDING} and confirmed by SES) or another attempt is
   * working on it now. {@code customerId} (null for staff mail) files the entry under the customer, for
   * their export and erasure.
   */
  boolean reserve(String dedupeKey, String attemptId, String flow, String customerId, Instant now, Instant staleBefore);

  /** {@link #reserve} that also records the mail's template, shown in the customer's dossier. */
  default boolean reserve(String dedupeKey, String attemptId, String flow, String template, String customerId,
      Instant now, Instant staleBefore) {
    return reserve(dedupeKey, attemptId, flow, customerId, now, staleBefore);
  }

  /**
   * {@link #reserve} for a channel whose provider never confirms a send (SMS): a {@code SENDING} key is
   * never taken over, whatever its age, so a crash around the provider call can lose the message but
   * never send it twice (docs/notifications.md).
   */
  default boolean reserveWithoutTakeover(String dedupeKey, String attemptId, String flow, String template,
      String customerId, Instant now, Instant staleBefore) {
    return reserve(dedupeKey, attemptId, flow, template, customerId, now, staleBefore);
  }

  /**
   * When the key is {@code SENDING} with no SES Send event yet: the time it went {@code SENDING} (a
   * redelivery waits for the event until {@link EmailService#CONFIRMATION_WINDOW} after it); empty
   * otherwise. Read consistently.
   */
  default Optional<Instant> awaitingConfirmation(String dedupeKey) {
    return Optional.empty();
  }

  /** Records the final outcome ({@code SENT} or {@code SKIPPED}) of the reserving attempt. */
  void complete(String dedupeKey, String attemptId, String status, String detail, Instant now);

  /**
   * Frees the key if {@code attemptId} still holds it (reserved, or {@code SENDING} when SES refused
   * the mail or could not be reached).
   */
  void release(String dedupeKey, String attemptId);
}
