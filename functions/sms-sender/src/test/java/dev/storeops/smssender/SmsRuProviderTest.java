package dev.storeops.smssender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.sms.SmsProviderException;
import dev.storeops.messaging.sms.smsru.SmsRuProvider;
import dev.storeops.stack.standins.SmsRuStandIn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMS.ru adapter against the local stand-in speaking its documented protocol (events/sms/smsru-*.json). */
class SmsRuProviderTest {
  private static final String PHONE = "+79255070602";
  private final SmsRuStandIn smsRu = new SmsRuStandIn();
  private final SmsRuProvider provider = new SmsRuProvider(smsRu.baseUrl(), SmsRuStandIn.API_ID, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    smsRu.close();
  }

  @Test
  void sendsTheDocumentedFormAndReturnsTheSmsId() throws Exception {
    var documented = SmsRuStandIn.fixture("smsru-send-request.json").path("form");
    String id = provider.send(PHONE, documented.path("msg").asText(), documented.path("from").asText());
    assertEquals("000000-00000001", id);
    Map<String, String> sent = smsRu.requests().get(0);
    assertEquals(documented.path("api_id").asText(), sent.get("api_id"));
    assertEquals(documented.path("to").asText(), sent.get("to"));
    assertEquals(documented.path("msg").asText(), sent.get("msg"));
    assertEquals("1", sent.get("json"));
    assertEquals("MyShop", sent.get("from"));
  }

  @Test
  void aNumberThatCannotGetSmsIsPermanent() {
    smsRu.answer("79255070602", "smsru-send-wrong-number.json");
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> provider.send(PHONE, "x", "MyShop"));
    assertTrue(e.permanent());
    assertEquals("smsru-207", e.code());
  }

  @Test
  void noMoneyOnTheAccountIsPermanent() {
    smsRu.answer("79255070602", "smsru-send-no-money.json");
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> provider.send(PHONE, "x", "MyShop"));
    assertTrue(e.permanent());
    assertEquals("smsru-201", e.code());
  }

  @Test
  void aWrongApiIdIsPermanent() {
    SmsRuProvider wrong = new SmsRuProvider(smsRu.baseUrl(), "not-the-key", Duration.ofSeconds(5));
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> wrong.send(PHONE, "x", "MyShop"));
    assertTrue(e.permanent());
    assertEquals("smsru-200", e.code());
  }

  @Test
  void aServiceTemporarilyUnavailableIsRetried() {
    smsRu.answer("79255070602", "smsru-send-unavailable.json");
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> provider.send(PHONE, "x", "MyShop"));
    assertFalse(e.permanent());
    assertEquals("smsru-220", e.code());
  }

  @Test
  void anUnreachableGatewayIsRetried() {
    SmsRuProvider nowhere = new SmsRuProvider("http://127.0.0.1:9", SmsRuStandIn.API_ID, Duration.ofSeconds(2));
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> nowhere.send(PHONE, "x", "MyShop"));
    assertFalse(e.permanent());
  }
}
