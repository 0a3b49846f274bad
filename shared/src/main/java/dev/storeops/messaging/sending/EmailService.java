package dev.storeops.messaging.sending;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import dev.storeops.messaging.ConsentConfirmationMail;
import dev.storeops.messaging.MailIntent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sends one {@link MailIntent}: dedupe, suppression, consent, cap, render, send, figures. Plain Java;
 * the stores and the mail service come in as interfaces.
 *
 * <p>Dedupe (docs/email.md, "Once per dedupe key"): the key is <em>reserved</em> before anything is
 * sent, marked {@code SENDING} (with its time) right before the SES call and {@code SENT} after SES took
 * the mail. A redelivered message finds the key done and sends nothing. A crash between {@code SENDING}
 * and {@code SENT} leaves the key {@code SENDING}: SES's own {@code Send} event (configuration set →
 * SNS → ses-events, {@link SendLog#confirmAccepted}) marks the key as taken by SES. A redelivery that
 * finds the key {@code SENDING} and unconfirmed waits for that event: it hands the message back, delayed
 * to the end of the {@link #CONFIRMATION_WINDOW} ({@link Kind#AWAITING_CONFIRMATION}); after the window a
 * redelivery takes over a key SES never confirmed and sends the mail. So a crash <em>before</em> SES is
 * never a lost mail (only a late one), and a crash <em>after</em> SES sends twice only when SES's {@code
 * Send} event has not been recorded within the window (ses-events failing for ten minutes, which its
 * DLQ alarm shows): at least once, and exactly once whenever the event pipeline works.
 */
public final class EmailService {
  /** A reservation older than this belongs to a crashed attempt (function timeout is 20 s). */
  public static final Duration LEASE = Duration.ofSeconds(60);
  /**
   * How long a {@code SENDING} key SES has not confirmed is left to SES's {@code Send} event before a
   * redelivery sends the mail again (the month bench's double send: a redelivery two minutes after a
   * send whose record failed, ses-events' first try at the event failed too). Under SQS's longest delay.
   */
  public static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(10);
  private static final Log LOG = Log.get(EmailService.class);

  /** What became of one intent. */
  public enum Kind { SENT, SKIPPED, DUPLICATE, FAILED, REJECTED, AWAITING_CONFIRMATION }

  /** The outcome; {@code FAILED} is retried by the queue (DLQ after the last receive). */
  public record Outcome(Kind kind, String detail, boolean throttled, Duration retryIn) {
    static Outcome of(Kind kind, String detail) {
      return new Outcome(kind, detail, false, Duration.ZERO);
    }
  }

  /**
   * The sender's settings.
   *
   * @param consentConfirmUrl the double opt-in page ({@code /consent/confirm}); an intent whose data
   *     holds {@code consentToken} gets {@code confirmUrl = consentConfirmUrl?token=…&lang=…}
   */
  public record Settings(String from, String configurationSet, String unsubscribeUrl, String shopUrl,
      ZoneId zone, Duration unsubscribeValidity, String consentConfirmUrl) {
    public Settings(String from, String configurationSet, String unsubscribeUrl, String shopUrl, ZoneId zone,
        Duration unsubscribeValidity) {
      this(from, configurationSet, unsubscribeUrl, shopUrl, zone, unsubscribeValidity, null);
    }
  }

  /** Header on every mail sent: the intent's dedupe key. */
  public static final String MAIL_KEY_HEADER = "X-Storeops-Mail-Key";
  /** Send-log status while SES is being called: never taken over by another attempt. */
  public static final String SENDING = "SENDING";
  private final MailTemplates templates;
  private final MailPolicy policy;
  private final Function<String, Optional<Customer>> customers;
  private final SuppressionList suppression;
  private final SendLog sendLog;
  private final FrequencyCap cap;
  private final MailFigures figures;
  private final MailSender sender;
  private final UnsubscribeTokens tokens;
  private final Settings settings;
  private final Clock clock;

  public EmailService(MailTemplates templates, MailPolicy policy, Function<String, Optional<Customer>> customers,
      SuppressionList suppression, SendLog sendLog, FrequencyCap cap, MailFigures figures, MailSender sender,
      UnsubscribeTokens tokens, Settings settings, Clock clock) {
    this.templates = templates;
    this.policy = policy;
    this.customers = customers;
    this.suppression = suppression;
    this.sendLog = sendLog;
    this.cap = cap;
    this.figures = figures;
    this.sender = sender;
    this.tokens = tokens;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Handles one intent.
   *
   * @param attempt the queue's receive count of the message (1 = first delivery)
   * @param lastAttempt the receive count after which the queue moves the message to the DLQ
   */
  public Outcome handle(MailIntent intent, int attempt, int lastAttempt) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, settings.zone());
    String attemptId = UUID.randomUUID().toString();
    if (!sendLog.reserve(intent.dedupeKey(), attemptId, intent.flow(), intent.template(), intent.customerId(), now,
        now.minus(LEASE))) {
      Optional<Instant> sendingAt = sendLog.awaitingConfirmation(intent.dedupeKey());
      if (sendingAt.isPresent()) {
        // an attempt went SENDING and SES has not said it took the mail (yet): wait for its Send event
        Duration wait = Duration.between(now, sendingAt.get().plus(CONFIRMATION_WINDOW));
        LOG.info("mail waits for SES's confirmation", "dedupeKey", intent.dedupeKey(), "flow", intent.flow(),
            "sendingAt", sendingAt.get().toString(), "waitSeconds", Math.max(0, wait.toSeconds()));
        return new Outcome(Kind.AWAITING_CONFIRMATION, "sending since " + sendingAt.get(), false,
            wait.isNegative() ? Duration.ZERO : wait);
      }
      figures.add(intent.flow(), Figure.SKIPPED_DUPLICATE, 1, day);
      LOG.info("mail skipped", "reason", "duplicate", "dedupeKey", intent.dedupeKey(), "flow", intent.flow());
      return Outcome.of(Kind.DUPLICATE, "duplicate");
    }
    boolean sent = false;
    try {
      Customer customer = intent.customerId() == null ? null : customers.apply(intent.customerId()).orElse(null);
      boolean marketing = intent.category() == MailIntent.Category.MARKETING;
      boolean suppressed = suppression.isSuppressed(intent.to());
      Instant lastMarketing = marketing && customer != null && customer.marketingConsent() && !suppressed
          ? cap.lastMarketingAt(customer.id()) : null;
      Optional<MailPolicy.SkipReason> skip = policy.check(intent.category(), customer, suppressed, lastMarketing, now);
      if (skip.isPresent()) {
        return skipped(intent, attemptId, skip.get(), now, day);
      }

      String locale = policy.locale(intent.locale(), customer, MailTemplates.LOCALES);
      Map<String, Object> model = new HashMap<>(intent.data());
      model.putIfAbsent("shopUrl", settings.shopUrl());
      Map<String, String> headers = new LinkedHashMap<>();
      if (model.get(ConsentConfirmationMail.TOKEN) instanceof String consentToken && settings.consentConfirmUrl() != null) {
        model.put("confirmUrl", settings.consentConfirmUrl() + "?token="
            + URLEncoder.encode(consentToken, StandardCharsets.UTF_8) + "&lang=" + locale);
      }
      // the dedupe key travels with the mail: ops (and the simulation's "mail once" check) trace a mail to its intent
      headers.put(MAIL_KEY_HEADER, intent.dedupeKey());
      if (marketing) {
        // an opaque token (no customer id in it): RFC 8058 one-click POST to this URL, a page for GET
        String token = tokens.sign(customer.id(), now.plus(settings.unsubscribeValidity()));
        String url = settings.unsubscribeUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&lang=" + locale;
        model.put("unsubscribeUrl", url);
        headers.put("List-Unsubscribe", "<" + url + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      RenderedMail mail = templates.render(intent.template(), locale, model);

      if (marketing && !cap.claim(customer.id(), lastMarketing, now, intent.dedupeKey())) {
        return skipped(intent, attemptId, MailPolicy.SkipReason.CAPPED, now, day);
      }
      // SENDING from here on: after a crash, a redelivery past the lease takes the key over only if SES's
      // Send event has not confirmed the mail (the confirmation-lost finding of the month bench)
      sendLog.complete(intent.dedupeKey(), attemptId, SENDING, null, now);
      String messageId;
      try {
        messageId = sender.send(new MailSender.OutgoingMail(settings.from(), intent.to(), mail, headers,
            settings.configurationSet()));
      } catch (RuntimeException e) {
        if (marketing) {
          cap.release(customer.id(), lastMarketing, now, intent.dedupeKey());
        }
        throw e;
      }
      sent = true;
      sendLog.complete(intent.dedupeKey(), attemptId, "SENT", messageId, now);
      figures.add(intent.flow(), Figure.SENT, 1, day);
      LOG.info("mail sent", "dedupeKey", intent.dedupeKey(), "flow", intent.flow(), "template", intent.template(),
          "locale", locale, "to", Pii.email(intent.to()), "messageId", messageId);
      return Outcome.of(Kind.SENT, messageId);
    } catch (RuntimeException e) {
      if (sent) {
        // SES has the mail: never release the key (that would send twice); the lease stays as the record
        LOG.error("mail sent but not recorded", e, "dedupeKey", intent.dedupeKey());
        return Outcome.of(Kind.SENT, "unrecorded");
      }
      if (e instanceof MailSender.SendFailedException f && f.maybeSent()) {
        // SES may have the mail (the answer was lost): at most once per dedupe key, so it is not sent again
        sendLog.complete(intent.dedupeKey(), attemptId, "UNCONFIRMED", String.valueOf(e.getMessage()), now);
        figures.add(intent.flow(), Figure.FAILED, 1, day);
        LOG.error("mail may have been sent (no answer from SES): not sent again", e, "dedupeKey", intent.dedupeKey(),
            "flow", intent.flow());
        return Outcome.of(Kind.SENT, "unconfirmed");
      }
      if (e instanceof MailSender.SendFailedException f && f.rejected()) {
        // SES will never take it: tried once, recorded with the reason, not retried (SendFailurePolicy)
        String reason = f.code() + ": " + f.getMessage();
        sendLog.complete(intent.dedupeKey(), attemptId, "REJECTED", reason, now);
        figures.add(intent.flow(), Figure.REJECTED, 1, day);
        LOG.warn("mail rejected by the mail service, not retried", "dedupeKey", intent.dedupeKey(),
            "flow", intent.flow(), "template", intent.template(), "code", f.code(), "to", Pii.email(intent.to()));
        return Outcome.of(Kind.REJECTED, reason);
      }
      releaseForTheRetry(intent, attemptId);
      boolean throttled = e instanceof MailSender.SendFailedException f && f.throttled();
      boolean last = attempt >= lastAttempt;
      figures.add(intent.flow(), last ? Figure.FAILED : Figure.RETRIED, 1, day);
      LOG.error(last ? "mail failed for the last time, to the DLQ" : "mail failed, retried later", e,
          "dedupeKey", intent.dedupeKey(), "flow", intent.flow(), "template", intent.template(),
          "attempt", attempt);
      return new Outcome(Kind.FAILED, e.getMessage(), throttled, Duration.ZERO);
    }
  }

  /** Tries to free a key after a refused send: {@value #RELEASE_ATTEMPTS} tries, since a key left {@code SENDING} is never sent. */
  static final int RELEASE_ATTEMPTS = 3;

  /**
   * Frees the key of a send that certainly did not happen (SES refused it or was not reached), so the
   * queue's retry can send the mail. A key left {@code SENDING} is never taken over (at most once), so a
   * failing release (a throttled DynamoDB) would lose the mail for good: it is tried {@value
   * #RELEASE_ATTEMPTS} times, and if it still fails that is logged as an error naming the key (found by
   * reasoning over the faulted simulation's mail path; {@code EmailServiceTest}).
   */
  private void releaseForTheRetry(MailIntent intent, String attemptId) {
    for (int attempt = 1; ; attempt++) {
      try {
        sendLog.release(intent.dedupeKey(), attemptId);
        return;
      } catch (RuntimeException e) {
        if (attempt >= RELEASE_ATTEMPTS) {
          LOG.error("mail not sent and its key not released: it stays SENDING and will not be sent", e,
              "dedupeKey", intent.dedupeKey(), "flow", intent.flow());
          throw e;
        }
        dev.storeops.platform.retry.Retry.backOff(attempt);
      }
    }
  }

  private Outcome skipped(MailIntent intent, String attemptId, MailPolicy.SkipReason reason, Instant now, LocalDate day) {
    sendLog.complete(intent.dedupeKey(), attemptId, "SKIPPED", reason.name(), now);
    figures.add(intent.flow(), switch (reason) {
      case NO_CONSENT -> Figure.SKIPPED_NO_CONSENT;
      case SUPPRESSED -> Figure.SKIPPED_SUPPRESSED;
      case CAPPED -> Figure.SKIPPED_CAPPED;
    }, 1, day);
    LOG.info("mail skipped", "reason", reason.name(), "dedupeKey", intent.dedupeKey(), "flow", intent.flow());
    return Outcome.of(Kind.SKIPPED, reason.name());
  }
}
