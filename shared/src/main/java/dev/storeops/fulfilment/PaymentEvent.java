package dev.storeops.fulfilment;

import dev.storeops.platform.errors.Invalid;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One event of the payment provider, as its webhook body carries it:
 * {@code {"eventId":"evt_…","type":"succeeded|failed|refunded","orderId":"ord_…","paymentId":"pay_…",
 * "amountMinor":123450,"currency":"RUB"}}.
 */
public record PaymentEvent(String eventId, Type type, String orderId, String paymentId, long amountMinor,
    String currency) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public enum Type { SUCCEEDED, FAILED, REFUNDED }

  /** Parses and validates a webhook body; anything malformed is a 400 naming the fields. */
  public static PaymentEvent parse(byte[] body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw Invalid.field("body", "is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw Invalid.field("body", "must be a JSON object");
    }
    Validation v = new Validation();
    String eventId = id(node, "eventId", v);
    String orderId = id(node, "orderId", v);
    String paymentId = id(node, "paymentId", v);
    Type type = null;
    JsonNode t = node.get("type");
    if (t == null || !t.isTextual()) {
      v.error("type", "is required: succeeded, failed or refunded");
    } else {
      try {
        type = Type.valueOf(t.asText().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.error("type", "must be succeeded, failed or refunded");
      }
    }
    JsonNode a = node.get("amountMinor");
    long amount = 0;
    if (a == null || !a.isIntegralNumber() || a.asLong() < 0 || !a.canConvertToLong()) {
      v.error("amountMinor", "is required: a whole number of minor units (kopecks), 0 or more");
    } else {
      amount = a.asLong();
    }
    JsonNode c = node.get("currency");
    String currency = c != null && c.isTextual() ? c.asText().trim() : null;
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      v.error("currency", "is required: an ISO 4217 code such as RUB");
    }
    v.throwIfInvalid();
    return new PaymentEvent(eventId, type, orderId, paymentId, amount, currency);
  }

  private static String id(JsonNode node, String field, Validation v) {
    JsonNode x = node.get(field);
    if (x == null || !x.isTextual() || !ID.matcher(x.asText()).matches()) {
      v.error(field, "is required: 1-100 letters, digits, '_' or '-'");
      return null;
    }
    return x.asText();
  }
}
