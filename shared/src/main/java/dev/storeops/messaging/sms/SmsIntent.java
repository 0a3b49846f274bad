package dev.storeops.messaging.sms;

import java.util.Map;
import java.util.Objects;

/**
 * A request to send one SMS, as it travels on the SMS queue to the sms-sender function. The sender
 * checks the dedupe key and {@link SmsPolicy}, renders {@code template} with {@link SmsTexts} in the
 * locale and hands the text to the provider. Producers never render or send themselves.
 *
 * @param dedupeKey unique per SMS that must never go twice, e.g. {@code order-shipped#ord_…}
 * @param customerId the customer the SMS is for (their consent is checked)
 * @param phone the number as the customer gave it ({@link SmsPolicy} normalises it to +7…)
 * @param locale {@code ru} or {@code en}; null = {@code ru}
 * @param template a template of {@link SmsTexts}, e.g. {@code order-shipped}
 * @param params the template's values (plain strings)
 */
public record SmsIntent(String dedupeKey, String customerId, String phone, String locale, String template,
    Map<String, String> params) {

  public SmsIntent {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(template, "template");
    params = params == null ? Map.of() : Map.copyOf(params);
  }
}
