package dev.storeops.messaging.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.messaging.sending.SendLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SMS sender's steps in plain Java: the send log is an in-memory implementation of {@link SendLog}
 * with the same rules as the DynamoDB one (the stack test {@code SmsSenderTest} runs the real one).
 */
class SmsServiceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

  /** Key → [attemptId, status, detail]. */
  static final class Log implements SendLog {
    final Map<String, String[]> items = new HashMap<>();

    @Override
    public boolean reserve(String key, String attemptId, String flow, String customerId, Instant now, Instant stale) {
      if (items.containsKey(key)) {
        return false;
      }
      items.put(key, new String[] {attemptId, "RESERVED", null});
      return true;
    }

    @Override
    public void complete(String key, String attemptId, String status, String detail, Instant now) {
      items.put(key, new String[] {attemptId, status, detail});
    }

    @Override
    public void release(String key, String attemptId) {
      items.remove(key);
    }

    @Override
    public void confirmAccepted(String key, String sesMessageId, Instant now) {
      items.computeIfPresent(key, (k, v) -> new String[] {v[0], v[1], sesMessageId});
    }
  }

  private final Log log = new Log();
  private final List<String> sent = new ArrayList<>();
  private final Set<String> optedOut = new HashSet<>();
  private SmsProviderException refusal;

  private final SmsConsents consents = new SmsConsents() {
    @Override
    public boolean optedOut(String customerId) {
      return optedOut.contains(customerId);
    }

    @Override
    public boolean set(String customerId, boolean out, dev.storeops.customers.ConsentEvent step) {
      return out ? optedOut.add(customerId) : optedOut.remove(customerId);
    }
  };
  private final SmsService service = new SmsService(new SmsPolicy(), consents, log, (phone, text, sender) -> {
    if (refusal != null) {
      throw refusal;
    }
    sent.add(sender + "|" + phone + "|" + text);
    return "msg-" + sent.size();
  }, "MyShop", CLOCK);

  private static SmsIntent shipped() {
    return new SmsIntent("order-shipped#ord_1", "cus_1", "8 903 111 22 33", "ru", "order-shipped",
        Map.of("orderNumber", "261130-000001", "carrier", "CDEK", "trackingNumber", "123"));
  }

  @Test
  void sendsOnceUnderTheShopsSenderNameAndLogsTheProvidersId() {
    assertEquals(SmsService.Kind.SENT, service.handle(shipped()).kind());
    assertEquals(SmsService.Kind.DUPLICATE, service.handle(shipped()).kind());
    assertEquals(List.of("MyShop|+79031112233|Заказ 261130-000001 отправлен: CDEK, трек 123"), sent);
    assertEquals("SENT", log.items.get("sms#order-shipped#ord_1")[1]);
    assertEquals("msg-1", log.items.get("sms#order-shipped#ord_1")[2]);
  }

  @Test
  void anOptedOutCustomerIsSkippedAndLoggedSo() {
    optedOut.add("cus_1");
    assertEquals(new SmsService.Outcome(SmsService.Kind.SKIPPED, "opted-out"), service.handle(shipped()));
    assertEquals("SKIPPED", log.items.get("sms#order-shipped#ord_1")[1]);
    assertEquals(List.of(), sent);
  }

  @Test
  void aPermanentRefusalIsRecordedAndNotRetried() {
    refusal = new SmsProviderException(true, "smsru-202", "wrong number");
    assertEquals(SmsService.Kind.REJECTED, service.handle(shipped()).kind());
    assertEquals("REJECTED", log.items.get("sms#order-shipped#ord_1")[1]);
    refusal = null;
    assertEquals(SmsService.Kind.DUPLICATE, service.handle(shipped()).kind());
    assertEquals(List.of(), sent);
  }

  @Test
  void aRetryableFailureFreesTheKeySoTheRetrySends() {
    refusal = new SmsProviderException(false, "smsru-220", "service unavailable");
    assertEquals(SmsService.Kind.FAILED, service.handle(shipped()).kind());
    refusal = null;
    assertEquals(SmsService.Kind.SENT, service.handle(shipped()).kind());
    assertEquals(1, sent.size());
  }

  @Test
  void noAnswerAfterTheRequestWentOutIsNeverSentAgain() {
    refusal = new SmsProviderException(false, SmsProviderException.NO_ANSWER, "timeout");
    assertEquals(SmsService.Kind.UNCONFIRMED, service.handle(shipped()).kind());
    refusal = null;
    assertEquals(SmsService.Kind.DUPLICATE, service.handle(shipped()).kind());
    assertEquals(List.of(), sent);
  }

  @Test
  void aTextMissingAValueFailsAndIsRetriedAfterAFix() {
    SmsIntent broken = new SmsIntent("order-shipped#ord_2", "cus_1", "+79031112233", "ru", "order-shipped",
        Map.of("orderNumber", "1"));
    assertEquals(SmsService.Kind.FAILED, service.handle(broken).kind());
    assertEquals(null, log.items.get("sms#order-shipped#ord_2"));
  }
}
