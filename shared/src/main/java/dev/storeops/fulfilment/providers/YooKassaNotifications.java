package dev.storeops.fulfilment.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Receive a YooKassa HTTP notification ({@code {"type":"notification","event":"payment.succeeded",
 * "object":{…}}}) and map it onto the order's payment flow. YooKassa does not sign its notifications; it
 * documents two ways to trust one, both configurable ({@code YOOKASSA_VERIFY}): the sender's address among
 * its published ranges, and the object's status read back from its API. With {@code api} only what the API
 * returns is used (amount, order id from {@code metadata.orderId}); the body only names the object.
 * <p>{@code payment.succeeded} → {@code succeeded}, {@code payment.canceled} → {@code failed},
 * {@code refund.succeeded} → {@code refunded} (event ids {@code yk-<payment id>-succeeded} …, so a
 * redelivered notification is a duplicate and changes nothing). Other events are acknowledged and ignored.
 */
public final class YooKassaNotifications {
  private static final Log LOG = Log.get(YooKassaNotifications.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  /** Why a notification was refused (never the secrets or the body). */
  public enum Refusal { SENDER_NOT_ALLOWED, UNKNOWN_TO_PROVIDER, STATUS_NOT_CONFIRMED, NOT_OUR_ORDER }

  /** The answer: applied (or ignored, {@code result} empty), or refused with a reason. */
  public record Outcome(Optional<ApplyPaymentEvent.Result> result, Refusal refusal, String event) {
    public boolean refused() {
      return refusal != null;
    }
  }

  private final PaymentProviderSettings settings;
  private final YooKassaApi api;
  private final Function<PaymentEvent, ApplyPaymentEvent.Result> flow;

  public YooKassaNotifications(PaymentProviderSettings settings, YooKassaApi api,
      Function<PaymentEvent, ApplyPaymentEvent.Result> flow) {
    this.settings = settings;
    this.api = api;
    this.flow = flow;
  }

  public Outcome receive(byte[] body, String sourceIp) {
    if (settings.verifyByIp() && !settings.yookassaAllowedIps().contains(sourceIp)) {
      return refuse(Refusal.SENDER_NOT_ALLOWED, null, null);
    }
    JsonNode n;
    try {
      n = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw Invalid.field("body", "is not valid JSON");
    }
    if (n == null || !n.isObject() || !"notification".equals(n.path("type").asText())) {
      throw Invalid.field("type", "must be \"notification\"");
    }
    String event = n.path("event").asText("");
    JsonNode object = n.path("object");
    String id = object.path("id").asText("");
    if (!ID.matcher(id).matches()) {
      throw Invalid.field("object.id", "is required: the payment's or refund's id");
    }
    return switch (event) {
      case "payment.succeeded" -> payment(event, id, object, "succeeded", PaymentEvent.Type.SUCCEEDED);
      case "payment.canceled" -> payment(event, id, object, "canceled", PaymentEvent.Type.FAILED);
      case "refund.succeeded" -> refund(event, id, object);
      default -> {
        LOG.info("yookassa notification ignored", "event", event);
        yield new Outcome(Optional.empty(), null, event);
      }
    };
  }

  private Outcome payment(String event, String id, JsonNode object, String status, PaymentEvent.Type type) {
    YooKassaApi.Payment p;
    if (settings.verifyByApi()) {
      Optional<YooKassaApi.Payment> read = api.payment(id);
      if (read.isEmpty()) {
        return refuse(Refusal.UNKNOWN_TO_PROVIDER, event, id);
      }
      p = read.get();
      if (!status.equals(p.status())) {
        return refuse(Refusal.STATUS_NOT_CONFIRMED, event, id);
      }
    } else {
      p = fromBody(id, object);
    }
    if (p.orderId() == null || !ID.matcher(p.orderId()).matches()) {
      return refuse(Refusal.NOT_OUR_ORDER, event, id);
    }
    return apply(event, new PaymentEvent("yk-" + id + "-" + status, type, p.orderId(), id, p.amountMinor(),
        p.currency()));
  }

  /** A refund names its payment; the order is the payment's {@code metadata.orderId}, read from the API. */
  private Outcome refund(String event, String id, JsonNode object) {
    YooKassaApi.Refund r;
    if (settings.verifyByApi()) {
      Optional<YooKassaApi.Refund> read = api.refund(id);
      if (read.isEmpty()) {
        return refuse(Refusal.UNKNOWN_TO_PROVIDER, event, id);
      }
      r = read.get();
      if (!"succeeded".equals(r.status())) {
        return refuse(Refusal.STATUS_NOT_CONFIRMED, event, id);
      }
    } else {
      r = new YooKassaApi.Refund(id, object.path("payment_id").asText(null), object.path("status").asText(),
          Amounts.minor(object.path("amount").path("value").asText(null), "object.amount.value"),
          object.path("amount").path("currency").asText("RUB"));
    }
    Optional<YooKassaApi.Payment> payment = r.paymentId() == null ? Optional.empty() : api.payment(r.paymentId());
    if (payment.isEmpty() || payment.get().orderId() == null || !ID.matcher(payment.get().orderId()).matches()) {
      return refuse(Refusal.NOT_OUR_ORDER, event, id);
    }
    return apply(event, new PaymentEvent("yk-refund-" + id, PaymentEvent.Type.REFUNDED, payment.get().orderId(),
        r.paymentId(), r.amountMinor(), r.currency()));
  }

  private static YooKassaApi.Payment fromBody(String id, JsonNode o) {
    return new YooKassaApi.Payment(id, o.path("status").asText(),
        Amounts.minor(o.path("amount").path("value").asText(null), "object.amount.value"),
        o.path("amount").path("currency").asText("RUB"), o.path("metadata").path("orderId").asText(null), null);
  }

  private Outcome apply(String event, PaymentEvent e) {
    return new Outcome(Optional.of(flow.apply(e)), null, event);
  }

  private static Outcome refuse(Refusal why, String event, String objectId) {
    LOG.warn("yookassa notification refused", "reason", why, "event", event, "objectId", objectId);
    return new Outcome(Optional.empty(), why, event);
  }
}
