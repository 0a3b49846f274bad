package dev.storeops.messaging.sms;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short SMS texts, ru and en, with {@code {name}} placeholders. Every text is transactional (an
 * order's way, a refund): marketing never goes by SMS. The Russian texts fit one SMS segment (70
 * characters in UCS-2) with a usual order number and tracking number; the tracking link goes in the
 * mail only (a link alone would take half a Cyrillic segment). The sender name ({@code SmsSenderName})
 * is the SMS's sender ID, not part of the text.
 */
public final class SmsTexts {
  /** One segment of Cyrillic text (UCS-2). */
  public static final int CYRILLIC_SEGMENT = 70;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private static final Map<String, String[]> TEXTS = Map.of(
      "order-shipped", new String[] {
          "Заказ {orderNumber} отправлен: {carrier}, трек {trackingNumber}",
          "Order {orderNumber} shipped: {carrier}, tracking {trackingNumber}"},
      "ready-for-pickup", new String[] {
          "Заказ {orderNumber} готов к выдаче: {pickupPoint}",
          "Order {orderNumber} is ready for pickup: {pickupPoint}"},
      "order-delivered", new String[] {
          "Заказ {orderNumber} доставлен. Спасибо за покупку!",
          "Order {orderNumber} delivered. Thank you for shopping with us!"},
      "order-cancelled", new String[] {
          "Заказ {orderNumber} отменён. Подробности в письме",
          "Order {orderNumber} was cancelled. Details are in our e-mail"},
      "refund-made", new String[] {
          "Возврат {amount} по заказу {orderNumber} оформлен",
          "Refund of {amount} for order {orderNumber} has been made"});

  private SmsTexts() {}

  /** Whether {@code template} is an SMS text (all are transactional). */
  public static boolean known(String template) {
    return TEXTS.containsKey(template);
  }

  /**
   * The text in {@code locale} ({@code en}, else Russian). A missing or blank value fails: an SMS is
   * never sent half-filled.
   *
   * @throws IllegalArgumentException for an unknown template or a missing value
   */
  public static String render(String template, String locale, Map<String, String> params) {
    String[] texts = TEXTS.get(template);
    if (texts == null) {
      throw new IllegalArgumentException("no SMS text " + template);
    }
    String text = "en".equals(locale) ? texts[1] : texts[0];
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("SMS " + template + " misses " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** SMS segments the text takes: 160/153 GSM-7 characters, else 70/67 UCS-2 characters. */
  public static int segments(String text) {
    boolean gsm = text.chars().allMatch(c -> c < 128);
    int single = gsm ? 160 : CYRILLIC_SEGMENT;
    int multi = gsm ? 153 : 67;
    return text.length() <= single ? 1 : (text.length() + multi - 1) / multi;
  }
}
