package dev.storeops.sesevents;

import dev.storeops.messaging.sending.SendLog;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.messaging.ses.SesNotifications;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import java.time.Clock;

/**
 * One SES notification → the suppression list (bounces, complaints; idempotent: a listed address stays
 * with its first reason), and a {@code Send} event → the send log's confirmation that SES took the mail
 * of that dedupe key ({@link SendLog#confirmAccepted}, idempotent).
 */
final class SesNotificationStep {
  private static final Log LOG = Log.get(SesEventsHandler.class);
  private final SuppressionList suppression;
  private final SendLog sendLog;
  private final Clock clock;

  SesNotificationStep(SuppressionList suppression, Clock clock) {
    this(suppression, null, clock);
  }

  SesNotificationStep(SuppressionList suppression, SendLog sendLog, Clock clock) {
    this.suppression = suppression;
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
    if (sendLog != null) {
      SesNotifications.accepted(body).ifPresent(a -> {
        sendLog.confirmAccepted(a.dedupeKey(), a.sesMessageId(), clock.instant());
        LOG.info("mail confirmed sent by SES", "dedupeKey", a.dedupeKey(), "sesMessageId", a.sesMessageId());
      });
    }
  }
}
