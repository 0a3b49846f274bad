package dev.storeops.customers;

/**
 * What became of a mail or an SMS as the dossier shows it, from the send log's status and the feedback
 * the provider sent later: a complaint outranks a bounce, and either outranks "sent" (the provider took
 * it, the recipient's side refused it); a send never attempted is {@code SKIPPED}, one the provider
 * refused {@code FAILED}, one still in the sender's hands {@code PENDING}.
 */
public enum MessageStatus {
  PENDING, SENT, DELIVERED, BOUNCED, COMPLAINED, SKIPPED, FAILED;

  /**
   * @param sendStatus the send log's {@code status} (RESERVED, SENDING, SENT, UNCONFIRMED, SKIPPED,
   *     REJECTED, FAILED, DELIVERED)
   * @param feedback the provider's later word, if any: {@code BOUNCED}, {@code COMPLAINED} or {@code DELIVERED}
   */
  public static MessageStatus of(String sendStatus, String feedback) {
    if ("COMPLAINED".equals(feedback)) {
      return COMPLAINED;
    }
    if ("BOUNCED".equals(feedback)) {
      return BOUNCED;
    }
    MessageStatus sent = switch (sendStatus == null ? "" : sendStatus) {
      case "SENT", "UNCONFIRMED" -> SENT;
      case "DELIVERED" -> DELIVERED;
      case "SKIPPED" -> SKIPPED;
      case "REJECTED", "FAILED" -> FAILED;
      default -> PENDING;
    };
    return sent == SENT && "DELIVERED".equals(feedback) ? DELIVERED : sent;
  }
}
