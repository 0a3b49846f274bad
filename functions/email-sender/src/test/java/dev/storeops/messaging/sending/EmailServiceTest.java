package dev.storeops.messaging.sending;

import dev.storeops.emailsender.EmailSenderHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.sending.SuppressionList;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailIntent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sender's decisions in plain Java (the stores are simple in-memory versions of the service's own
 * interfaces; the AWS side is tested on the emulated stack): throttling → retry later and stop the
 * batch; permanent errors → failure, DLQ after the last receive; reservations and cap claims undone.
 */
class EmailServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final Map<String, String> log = new HashMap<>();
  private final Map<String, Instant> capAt = new HashMap<>();
  private final Set<String> suppressed = new HashSet<>();
  private final Map<Figure, Long> figures = new EnumMap<>(Figure.class);
  private final List<MailSender.OutgoingMail> sent = new ArrayList<>();
  private RuntimeException nextSendError;
  private int releaseFailures;

  private final SendLog sendLog = new SendLog() {
    @Override
    public boolean reserve(String key, String attemptId, String flow, String customerId, Instant now,
        Instant staleBefore) {
      return log.putIfAbsent(key, "RESERVED:" + attemptId) == null;
    }

    @Override
    public void complete(String key, String attemptId, String status, String detail, Instant now) {
      log.put(key, status.equals(EmailService.SENDING) ? "SENDING:" + attemptId : status);
    }

    @Override
    public void confirmAccepted(String key, String sesMessageId, Instant now) {
      log.computeIfPresent(key, (k, v) -> v + ":confirmed");
    }

    @Override
    public void release(String key, String attemptId) {
      if (releaseFailures > 0) {
        releaseFailures--;
        throw new IllegalStateException("ProvisionedThroughputExceededException (the table throttled the release)");
      }
      log.remove(key, "RESERVED:" + attemptId);
      log.remove(key, "SENDING:" + attemptId);
    }
  };

  private final FrequencyCap cap = new FrequencyCap() {
    @Override
    public Instant lastMarketingAt(String customerId) {
      return capAt.get(customerId);
    }

    @Override
    public boolean claim(String customerId, Instant expected, Instant now, String dedupeKey) {
      if (!java.util.Objects.equals(capAt.get(customerId), expected)) {
        return false;
      }
      capAt.put(customerId, now);
      return true;
    }

    @Override
    public void release(String customerId, Instant previous, Instant claimedAt, String dedupeKey) {
      if (previous == null) {
        capAt.remove(customerId);
      } else {
        capAt.put(customerId, previous);
      }
    }
  };

  private final EmailService service = new EmailService(new MailTemplates(), new MailPolicy(MailPolicy.DEFAULT_CAP, "ru"),
      id -> Optional.of(new Customer(id, id + "@example.com", "Ann", null, null, true, NOW, "en", NOW, null)),
      new SuppressionList() {
        @Override
        public boolean isSuppressed(String email) {
          return suppressed.contains(SuppressionList.key(email));
        }

        @Override
        public boolean suppress(String email, String reason, Instant at, String source) {
          return suppressed.add(SuppressionList.key(email));
        }
      },
      sendLog, cap,
      new MailFigures() {
        @Override
        public void add(String flow, Figure figure, long count, LocalDate day) {
          figures.merge(figure, count, Long::sum);
        }

        @Override
        public Map<Figure, Long> totals(String flow) {
          return figures;
        }
      },
      mail -> {
        if (nextSendError != null) {
          RuntimeException e = nextSendError;
          nextSendError = null;
          throw e;
        }
        sent.add(mail);
        return "msg-" + sent.size();
      },
      new UnsubscribeTokens("unit-test-secret-0123456789"),
      new EmailService.Settings("shop@example.com", "cs", "https://api.example.com/unsubscribe",
          "https://shop.example.com", ZoneId.of("Europe/Moscow"), Duration.ofDays(365)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  private static MailIntent birthday(String customerId) {
    return new MailIntent("birthday#" + customerId + "#2026", "birthday", MailIntent.Category.MARKETING, customerId,
        customerId + "@example.com", null, "birthday",
        Map.of("customerName", "Ann", "promoCode", "BD-X", "discountText", "10%", "validUntil", "2026-12-06"));
  }

  private static MailSender.SendFailedException throttling() {
    return new MailSender.SendFailedException("TooManyRequestsException", SendFailurePolicy.Verdict.THROTTLED,
        "slow down", null);
  }

  @Test
  void sesErrorsAreClassified() {
    var throttled = SendFailurePolicy.Verdict.THROTTLED;
    var rejected = SendFailurePolicy.Verdict.REJECTED;
    var transientError = SendFailurePolicy.Verdict.TRANSIENT;
    assertEquals(throttled, SendFailurePolicy.classify("TooManyRequestsException", 429, "Too many requests"));
    assertEquals(throttled, SendFailurePolicy.classify("Throttling", 400, "Rate exceeded"));
    assertEquals(throttled, SendFailurePolicy.classify("LimitExceededException", 400, null));
    assertEquals(throttled, SendFailurePolicy.classify("SomethingElse", 400, "Maximum sending rate exceeded."));
    assertEquals(rejected, SendFailurePolicy.classify("MessageRejected", 400, "Email address is not verified."));
    assertEquals(rejected, SendFailurePolicy.classify("MailFromDomainNotVerifiedException", 400, null));
    assertEquals(rejected, SendFailurePolicy.classify("BadRequestException", 400, "Invalid email address <x>"));
    assertEquals(transientError, SendFailurePolicy.classify("InternalFailure", 500, null));
    assertEquals(transientError, SendFailurePolicy.classify("ServiceUnavailable", 503, null));
    assertEquals(transientError, SendFailurePolicy.classify(null, 0, null), "no answer at all (network)");
    assertEquals(transientError, SendFailurePolicy.classify("AccessDeniedException", 403, null),
        "our own misconfiguration: retried and kept in the DLQ, never dropped as a rejection");
  }

  @Test
  void theHandBackDelayDoublesAndIsCappedAtFifteenMinutes() {
    SendFailurePolicy policy = SendFailurePolicy.defaults();
    assertEquals(Duration.ofSeconds(30), policy.handBackDelay(1));
    assertEquals(Duration.ofSeconds(60), policy.handBackDelay(2));
    assertEquals(Duration.ofSeconds(480), policy.handBackDelay(5));
    assertEquals(Duration.ofMinutes(15), policy.handBackDelay(6));
    assertEquals(Duration.ofMinutes(15), policy.handBackDelay(90));
    assertTrue(policy.handBackAgain(95));
    assertFalse(policy.handBackAgain(96), "a day of throttling at the cap: counted as a real failure");
  }

  @Test
  void throttlingFailsTheMessageForALaterRetryAndUndoesReservationAndCap() {
    nextSendError = throttling();
    EmailService.Outcome outcome = service.handle(birthday("cus_a"), 1, 3);
    assertEquals(EmailService.Kind.FAILED, outcome.kind());
    assertTrue(outcome.throttled());
    assertFalse(log.containsKey("birthday#cus_a#2026"), "the reservation is released for the retry");
    assertNull(capAt.get("cus_a"), "the cap claim is undone: the mail was not sent");
    assertEquals(1L, figures.get(Figure.RETRIED));
    assertNull(figures.get(Figure.FAILED));

    EmailService.Outcome retry = service.handle(birthday("cus_a"), 2, 3);
    assertEquals(EmailService.Kind.SENT, retry.kind());
    assertEquals(1, sent.size());
    assertEquals(NOW, capAt.get("cus_a"));
  }

  @Test
  void aMailWhoseAnswerWasLostIsNeverSentAgain() {
    // found by the simulation (docs/simulation.md): SES accepted the mail, the response timed out, the retry sent it again
    nextSendError = new MailSender.SendFailedException("ClientError", SendFailurePolicy.Verdict.TRANSIENT, true, "Read timed out", null);
    MailIntent welcome = new MailIntent("welcome#cus_w", "welcome", MailIntent.Category.TRANSACTIONAL, "cus_w",
        "cus_w@example.com", null, "welcome", Map.of("customerName", "W"));
    assertEquals(EmailService.Kind.SENT, service.handle(welcome, 1, 3).kind(), "done: no retry");
    assertTrue(log.containsKey("welcome#cus_w"), "the dedupe key stays taken");
    assertEquals(EmailService.Kind.DUPLICATE, service.handle(welcome, 2, 3).kind(), "a redelivery sends nothing");
    assertTrue(sent.isEmpty());
    assertFalse(dev.storeops.messaging.ses.SesMailSender.maybeSent(
        new java.net.ConnectException("Connection refused")), "a request that never left is sent again");
    assertTrue(dev.storeops.messaging.ses.SesMailSender.maybeSent(software.amazon.awssdk.core.exception.SdkClientException
        .builder().cause(new java.net.SocketTimeoutException("Read timed out")).build()));
  }

  @Test
  void theLastFailedAttemptCountsAsFailed() {
    MailIntent missing = new MailIntent("x#1", "no-such-template", MailIntent.Category.TRANSACTIONAL, null,
        "a@example.com", null, "x", Map.of());
    assertEquals(EmailService.Kind.FAILED, service.handle(missing, 3, 3).kind());
    assertFalse(service.handle(missing, 3, 3).throttled());
    assertEquals(2L, figures.get(Figure.FAILED));
    assertTrue(sent.isEmpty());
  }

  @Test
  void afterThrottlingTheMessageAndTheRestOfTheBatchAreHandedBackAsDelayedCopies() {
    nextSendError = throttling();
    List<String> handedBack = new ArrayList<>();
    EmailSenderHandler handler = new EmailSenderHandler(service,
        (body, n, delay) -> handedBack.add(n + "@" + delay.toSeconds() + ":" + body.contains("cus_")),
        SendFailurePolicy.defaults());
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (String id : List.of("cus_b", "cus_c", "cus_d")) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + id);
      m.setBody(Json.write(birthday(id)));
      m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
      records.add(m);
    }
    event.setRecords(records);
    SQSBatchResponse response = handler.handleRequest(event, null);
    assertEquals(List.of(), response.getBatchItemFailures(), "handed back, so no receive of the DLQ budget is used");
    assertEquals(List.of("1@30:true", "1@30:true", "1@30:true"), handedBack);
    assertTrue(sent.isEmpty());
    assertTrue(log.isEmpty(), "nothing stays reserved");
  }

  @Test
  void aPermanentRejectionIsTriedOnceAndRecordedAndDoesNotStopTheBatch() {
    nextSendError = new MailSender.SendFailedException("MessageRejected", SendFailurePolicy.Verdict.REJECTED,
        "rejected", null);
    EmailSenderHandler handler = new EmailSenderHandler(service, (body, n, delay) -> {
      throw new AssertionError("nothing is handed back");
    }, SendFailurePolicy.defaults());
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (String id : List.of("cus_e", "cus_f")) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + id);
      m.setBody(Json.write(birthday(id)));
      records.add(m);
    }
    SQSEvent.SQSMessage garbage = new SQSEvent.SQSMessage();
    garbage.setMessageId("m-garbage");
    garbage.setBody("{not json");
    records.add(garbage);
    event.setRecords(records);
    SQSBatchResponse response = handler.handleRequest(event, null);
    assertEquals(List.of("m-garbage"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(),
        "the rejected mail is done: no retry, no DLQ");
    assertEquals(1, sent.size());
    assertEquals("cus_f@example.com", sent.get(0).to());
    assertEquals(1L, figures.get(Figure.REJECTED));
    assertEquals("REJECTED", log.get("birthday#cus_e#2026"), "recorded in the mail log");
  }

  @Test
  void marketingMailGetsTheOneClickHeadersWithAVerifiableToken() {
    service.handle(birthday("cus_g"), 1, 3);
    MailSender.OutgoingMail mail = sent.get(0);
    assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"));
    String header = mail.headers().get("List-Unsubscribe");
    assertTrue(header.startsWith("<https://api.example.com/unsubscribe?token="), header);
    assertTrue(header.endsWith("&lang=en>"), "the page opens in the customer's language: " + header);
    String token = java.net.URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.indexOf("&lang=")),
        java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(header.contains("cus_g"), "the token is opaque: " + header);
    assertEquals("cus_g", new UnsubscribeTokens("unit-test-secret-0123456789").verify(token, NOW));
    assertTrue(mail.content().subject().startsWith("Happy birthday"), "the customer's locale (en)");
  }

  @Test
  void aRefusedSendWhoseReleaseIsThrottledOnceIsStillSentByTheRetry() {
    MailIntent intent = birthday("cus_release");
    nextSendError = throttling();
    releaseFailures = 1; // the DynamoDB delete that frees the key is throttled once
    EmailService.Outcome first = service.handle(intent, 1, EmailSenderHandler.MAX_RECEIVES);
    assertEquals(EmailService.Kind.FAILED, first.kind());
    assertFalse(log.containsKey(intent.dedupeKey()), "the key is free again, not left SENDING: " + log);

    EmailService.Outcome retry = service.handle(intent, 2, EmailSenderHandler.MAX_RECEIVES);
    assertEquals(EmailService.Kind.SENT, retry.kind(), "the retry sends the mail");
    assertEquals(1, sent.size());
  }
}
