package dev.storeops.messaging.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsPolicyTest {
  private final SmsPolicy policy = new SmsPolicy();

  private static SmsIntent intent(String template, String phone) {
    return new SmsIntent("k", "cus_1", phone, "ru", template, Map.of("orderNumber", "1"));
  }

  @Test
  void aTransactionalNoticeGoesWithoutAnyConsentOnRecord() {
    SmsPolicy.Decision d = policy.decide(intent("order-delivered", "8 (903) 111-22-33"), false);
    assertTrue(d.send());
    assertEquals("+79031112233", d.phone());
  }

  @Test
  void aCustomerWhoOptedOutGetsNothing() {
    SmsPolicy.Decision d = policy.decide(intent("order-shipped", "+79031112233"), true);
    assertFalse(d.send());
    assertEquals("opted-out", d.reason());
  }

  @Test
  void anythingButTheTransactionalTextsIsSkipped() {
    SmsPolicy.Decision d = policy.decide(intent("campaign", "+79031112233"), false);
    assertFalse(d.send());
    assertEquals("not-transactional", d.reason());
  }

  @Test
  void noUsableNumberIsSkipped() {
    assertEquals("no-phone", policy.decide(intent("order-delivered", null), false).reason());
    assertEquals("no-phone", policy.decide(intent("order-delivered", "12-34"), false).reason());
  }

  @Test
  void numbersAreNormalisedToInternationalForm() {
    assertEquals(Optional.of("+79031112233"), SmsPolicy.normalise("+7 903 111 22 33"));
    assertEquals(Optional.of("+79031112233"), SmsPolicy.normalise("79031112233"));
    assertEquals(Optional.of("+79031112233"), SmsPolicy.normalise("8-903-111-22-33"));
    assertEquals(Optional.of("+375291234567"), SmsPolicy.normalise("+375 (29) 123-45-67"));
    assertEquals(Optional.empty(), SmsPolicy.normalise("9031112233"));
    assertEquals(Optional.empty(), SmsPolicy.normalise("call me"));
  }
}
