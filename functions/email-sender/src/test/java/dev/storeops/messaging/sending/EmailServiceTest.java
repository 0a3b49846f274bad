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

  private final SendLog sendLog = new SendLog() {
    @Override
    public boolean reserve(String key, String attemptId, String flow, Instant now, Instant staleBefore) {
      return log.putIfAbsent(key, "RESERVED:" + attemptId) == null;
    }

    @Override
    public void complete(String key, String attemptId, String status, String detail, Instant now) {
      log.put(key, status.equals(EmailService.SENDING) ? "SENDING:" + attemptId : status);
    }

    @Override
    public void release(String key, String attemptId) {
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
    return new MailSender.SendFailedException("TooManyRequestsException", true, true, "slow down", null);
  }

  @Test
  void sesErrorsAreClassified() {
    assertTrue(MailSender.Errors.retryable("TooManyRequestsException", 429));
    assertTrue(MailSender.Errors.throttling("TooManyRequestsException", 429));
    assertTrue(MailSender.Errors.throttling("Throttling", 400));
    assertTrue(MailSender.Errors.throttling("LimitExceededException", 400));
    assertTrue(MailSender.Errors.retryable("InternalFailure", 500));
    assertFalse(MailSender.Errors.throttling("InternalFailure", 500));
    assertTrue(MailSender.Errors.retryable(null, 0), "no answer at all (network)");
    assertFalse(MailSender.Errors.retryable("MessageRejected", 400));
    assertFalse(MailSender.Errors.retryable("BadRequestException", 400));
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
    nextSendError = new MailSender.SendFailedException("ClientError", true, false, true, "Read timed out", null);
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
  void afterThrottlingTheRestOfTheBatchIsHandedBackUntried() {
    nextSendError = throttling();
    EmailSenderHandler handler = new EmailSenderHandler(service);
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
    assertEquals(List.of("m-cus_b", "m-cus_c", "m-cus_d"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertTrue(sent.isEmpty());
    assertTrue(log.isEmpty(), "nothing stays reserved");
  }

  @Test
  void aPermanentRejectionDoesNotStopTheBatch() {
    nextSendError = new MailSender.SendFailedException("MessageRejected", false, false, "rejected", null);
    EmailSenderHandler handler = new EmailSenderHandler(service);
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
    assertEquals(List.of("m-cus_e", "m-garbage"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(1, sent.size());
    assertEquals("cus_f@example.com", sent.get(0).to());
  }

  @Test
  void marketingMailGetsTheOneClickHeadersWithAVerifiableToken() {
    service.handle(birthday("cus_g"), 1, 3);
    MailSender.OutgoingMail mail = sent.get(0);
    assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"));
    String header = mail.headers().get("List-Unsubscribe");
    assertTrue(header.startsWith("<https://api.example.com/unsubscribe?token="), header);
    String token = java.net.URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.length() - 1),
        java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("cus_g", new UnsubscribeTokens("unit-test-secret-0123456789").verify(token, NOW));
    assertTrue(mail.content().subject().startsWith("Happy birthday"), "the customer's locale (en)");
  }
}
