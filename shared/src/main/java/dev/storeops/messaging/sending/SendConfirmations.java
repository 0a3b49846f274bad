package dev.storeops.messaging.sending;

import java.time.Instant;

/**
 * SES's word that it took a mail (its {@code Send} event, read by ses-events), written on the mail's
 * send-log entry: a {@code SENDING} key so confirmed is never taken over, the mail went out
 * (docs/email.md). The part of the {@link SendLog} ses-events needs, so it holds no more rights than that.
 */
@FunctionalInterface
public interface SendConfirmations {
  /**
   * SES's {@code Send} event for the mail of {@code dedupeKey} arrived: SES took it, with
   * {@code sesMessageId}. Nothing happens for an unknown key.
   */
  void confirmAccepted(String dedupeKey, String sesMessageId, Instant now);
}
