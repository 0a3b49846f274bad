package dev.storeops.messaging.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTextsTest {
  private static final Map<String, Map<String, String>> TYPICAL = Map.of(
      "order-shipped", Map.of("orderNumber", "261130-000123", "carrier", "CDEK", "trackingNumber", "1234567890"),
      "ready-for-pickup", Map.of("orderNumber", "261130-000123", "pickupPoint", "msk-1, Москва"),
      "order-delivered", Map.of("orderNumber", "261130-000123"),
      "order-cancelled", Map.of("orderNumber", "261130-000123"),
      "refund-made", Map.of("orderNumber", "261130-000123", "amount", "1 250,00 ₽"));

  @Test
  void everyRussianTextFitsOneCyrillicSegmentWithATypicalOrder() {
    TYPICAL.forEach((template, params) -> {
      String ru = SmsTexts.render(template, "ru", params);
      assertTrue(ru.length() <= SmsTexts.CYRILLIC_SEGMENT, template + ": " + ru.length() + " " + ru);
      assertEquals(1, SmsTexts.segments(ru), template);
      assertTrue(SmsTexts.known(template));
    });
  }

  @Test
  void theShippedTextCarriesCarrierAndTrackingNumberInEitherLanguage() {
    Map<String, String> p = TYPICAL.get("order-shipped");
    assertEquals("Заказ 261130-000123 отправлен: CDEK, трек 1234567890", SmsTexts.render("order-shipped", "ru", p));
    assertEquals("Order 261130-000123 shipped: CDEK, tracking 1234567890", SmsTexts.render("order-shipped", "en", p));
    assertEquals(SmsTexts.render("order-shipped", "ru", p), SmsTexts.render("order-shipped", null, p));
  }

  @Test
  void aMissingValueOrAnUnknownTemplateFailsInsteadOfSendingHalfATextOrAnAdvert() {
    assertThrows(IllegalArgumentException.class, () -> SmsTexts.render("order-shipped", "ru",
        Map.of("orderNumber", "1", "carrier", "CDEK")));
    assertThrows(IllegalArgumentException.class, () -> SmsTexts.render("campaign", "ru", Map.of()));
  }

  @Test
  void segmentsCountGsmAndCyrillicTextsByTheirOwnLimits() {
    assertEquals(1, SmsTexts.segments("a".repeat(160)));
    assertEquals(2, SmsTexts.segments("a".repeat(161)));
    assertEquals(1, SmsTexts.segments("я".repeat(70)));
    assertEquals(2, SmsTexts.segments("я".repeat(71)));
    assertEquals(3, SmsTexts.segments("я".repeat(135)));
  }
}
