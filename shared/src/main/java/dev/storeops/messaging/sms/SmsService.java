package dev.storeops.messaging.sms;

import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.SendLog;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends one {@link SmsIntent}, at most once per dedupe key (docs/notifications.md): reserve the key in
 * the send log ({@code MAILLOG#sms#<dedupeKey>}, the e-mail's {@link SendLog}), decide with {@link
 * SmsPolicy} (a skip is logged {@code SKIPPED}), render with {@link SmsTexts}, mark the key {@code
 * SENDING} (never taken over again), hand the text to the {@link SmsProvider}, then log {@code SENT}
 * with the provider's id. A permanent refusal is logged {@code REJECTED} and not retried; a provider
 * that took the request but gave no answer leaves it {@code UNCONFIRMED} (never sent twice); any other
 * failure frees the key and fails the message, so the queue retries it.
 */
public final class SmsService {
  private static final Log LOG = Log.get(SmsService.class);
  /** How long a reservation holds the key before a retry may take it over (shorter than the queue's visibility timeout). */
  public static final Duration LEASE = Duration.ofSeconds(60);
  /** The send-log key prefix of SMS (beside the e-mail keys). */
  public static final String KEY_PREFIX = "sms#";

  public enum Kind { SENT, SKIPPED, REJECTED, DUPLICATE, UNCONFIRMED, FAILED }

  /** What became of one intent. */
  public record Outcome(Kind kind, String detail) {}

  private final SmsPolicy policy;
  private final SmsConsents consents;
  private final SendLog sendLog;
  private final SmsProvider provider;
  private final String senderName;
  private final Clock clock;

  public SmsService(SmsPolicy policy, SmsConsents consents, SendLog sendLog, SmsProvider provider, String senderName,
      Clock clock) {
    this.policy = policy;
    this.consents = consents;
    this.sendLog = sendLog;
    this.provider = provider;
    this.senderName = senderName;
    this.clock = clock;
  }

  public Outcome handle(SmsIntent intent) {
    Instant now = clock.instant();
    String key = KEY_PREFIX + intent.dedupeKey();
    String attemptId = UUID.randomUUID().toString();
    String flow = "sms:" + intent.template();
    if (!sendLog.reserveWithoutTakeover(key, attemptId, flow, intent.template(), intent.customerId(), now,
        now.minus(LEASE))) {
      LOG.info("sms skipped", "reason", "duplicate", "dedupeKey", intent.dedupeKey());
      return new Outcome(Kind.DUPLICATE, "duplicate");
    }
    String text;
    String messageId = null;
    try {
      boolean optedOut = intent.customerId() != null && consents.optedOut(intent.customerId());
      SmsPolicy.Decision d = policy.decide(intent, optedOut);
      if (!d.send()) {
        sendLog.complete(key, attemptId, "SKIPPED", d.reason(), now);
        LOG.info("sms skipped", "reason", d.reason(), "dedupeKey", intent.dedupeKey(), "template", intent.template());
        return new Outcome(Kind.SKIPPED, d.reason());
      }
      text = SmsTexts.render(intent.template(), intent.locale(), intent.params());
      sendLog.complete(key, attemptId, EmailService.SENDING, null, now);
      messageId = provider.send(d.phone(), text, senderName);
      sendLog.complete(key, attemptId, "SENT", messageId, clock.instant());
      LOG.info("sms sent", "dedupeKey", intent.dedupeKey(), "template", intent.template(),
          "segments", SmsTexts.segments(text), "messageId", messageId);
      return new Outcome(Kind.SENT, messageId);
    } catch (SmsProviderException e) {
      if (e.permanent()) {
        sendLog.complete(key, attemptId, "REJECTED", e.code() + ": " + e.getMessage(), clock.instant());
        LOG.warn("sms rejected by the provider, not retried", "dedupeKey", intent.dedupeKey(), "code", e.code());
        return new Outcome(Kind.REJECTED, e.code());
      }
      if (SmsProviderException.NO_ANSWER.equals(e.code())) {
        sendLog.complete(key, attemptId, "UNCONFIRMED", e.getMessage(), clock.instant());
        LOG.warn("sms provider gave no answer: not sent again", "dedupeKey", intent.dedupeKey());
        return new Outcome(Kind.UNCONFIRMED, e.code());
      }
      sendLog.release(key, attemptId);
      LOG.warn("sms not sent, retried", "dedupeKey", intent.dedupeKey(), "code", e.code());
      return new Outcome(Kind.FAILED, e.code());
    } catch (RuntimeException e) {
      if (messageId != null) {
        // the provider took it; only the SENT record failed: acknowledged, never sent again (the key stays SENDING)
        LOG.error("sms sent but not recorded SENT", e, "dedupeKey", intent.dedupeKey());
        return new Outcome(Kind.SENT, messageId);
      }
      sendLog.release(key, attemptId);
      LOG.error("sms not sent, retried", e, "dedupeKey", intent.dedupeKey());
      return new Outcome(Kind.FAILED, e.getClass().getSimpleName());
    }
  }
}
