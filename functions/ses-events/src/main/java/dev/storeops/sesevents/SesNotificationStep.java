package dev.storeops.sesevents;

import dev.storeops.messaging.sending.MailFeedbackLog;
import dev.storeops.messaging.sending.SendConfirmations;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.messaging.ses.SesNotifications;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import java.time.Clock;

/**
 * One SES notification → the suppression list, and the bounce or complaint filed on the mail's send-log
 * entry (the customer's dossier shows it); a {@code Send} event → the send log's confirmation that SES
 * took the mail of that dedupe key ({@link SendConfirmations#confirmAccepted}). Idempotent: a listed address stays
 * with its first reason; a complaint on a mail stays a complaint; a confirmation is written once.
 */
final class SesNotificationStep {
  private static final Log LOG = Log.get(SesEventsHandler.class);
  private final SuppressionList suppression;
  private final MailFeedbackLog feedback;
  private final SendConfirmations sendLog;
  private final Clock clock;

  SesNotificationStep(SuppressionList suppression, Clock clock) {
    this(suppression, null, null, clock);
  }

  SesNotificationStep(SuppressionList suppression, MailFeedbackLog feedback, Clock clock) {
    this(suppression, feedback, null, clock);
  }

  SesNotificationStep(SuppressionList suppression, SendConfirmations sendLog, Clock clock) {
    this(suppression, null, sendLog, clock);
  }

  SesNotificationStep(SuppressionList suppression, MailFeedbackLog feedback, SendConfirmations sendLog, Clock clock) {
    this.suppression = suppression;
    this.feedback = feedback;
    this.sendLog = sendLog;
    this.clock = clock;
  }

  /** Throws for an unreadable message or a failed write. */
  void handle(String body) {
    for (SesNotifications.Suppression s : SesNotifications.suppressions(body)) {
      boolean added = suppression.suppress(s.email(), s.reason(), clock.instant(), s.source());
      LOG.info(added ? "address suppressed" : "address already suppressed", "email", Pii.email(s.email()),
          "reason", s.reason(), "sesMessageId", s.source());
    }
    for (SesNotifications.Feedback f : feedback == null ? java.util.List.<SesNotifications.Feedback>of()
        : SesNotifications.feedback(body)) {
      boolean filed = feedback.record(f.email(), f.status(), f.detail(), f.messageId(), f.mailKey(), clock.instant());
      LOG.info(filed ? "mail feedback filed" : "mail feedback for a mail not in the send log", "status", f.status(),
          "detail", f.detail(), "sesMessageId", f.messageId(), "email", Pii.email(f.email()));
    }
    if (sendLog != null) {
      SesNotifications.accepted(body).ifPresent(a -> {
        sendLog.confirmAccepted(a.dedupeKey(), a.sesMessageId(), clock.instant());
        LOG.info("mail confirmed sent by SES", "dedupeKey", a.dedupeKey(), "sesMessageId", a.sesMessageId());
      });
    }
  }
}
