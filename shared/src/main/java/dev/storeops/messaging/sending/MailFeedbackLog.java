package dev.storeops.messaging.sending;

import java.time.Instant;

/**
 * Files a bounce or complaint on the send-log entry of the mail it is about, so the recipient's dossier
 * shows the mail as bounced or complained about (docs/customer-dossier.md). A complaint is never
 * overwritten by a later bounce; a repeated notification changes nothing.
 */
public interface MailFeedbackLog {
  /**
   * @param status {@code BOUNCED} or {@code COMPLAINED}
   * @param messageId the provider's id of the mail (the send log's detail of a sent mail), if known
   * @param mailKey the mail's dedupe key (its {@code X-Storeops-Mail-Key} header), if known
   * @return whether the mail's entry was found (and marked); false for mail the log does not know
   */
  boolean record(String email, String status, String detail, String messageId, String mailKey, Instant at);
}
