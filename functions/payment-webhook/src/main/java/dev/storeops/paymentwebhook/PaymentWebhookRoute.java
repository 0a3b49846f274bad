package dev.storeops.paymentwebhook;

import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /payments/webhook}: verifies the provider's HMAC signature, parses the event and hands it
 * to {@link OrderFlow#payment}. 401 for a missing, wrong or expired signature, 400 for a malformed
 * event, 200 for an applied or repeated event.
 */
final class PaymentWebhookRoute {
  private static final Log LOG = Log.get(PaymentWebhookHandler.class);

  private PaymentWebhookRoute() {}

  static Router router(WebhookSignature signature, OrderFlow flow) {
    return new Router().on("POST /payments/webhook", request -> {
      byte[] body = request.bodyBytes();
      WebhookSignature.Check check = signature.check(request.header("X-Signature").orElse(null), body);
      WebhookSignature.Verdict verdict = check.verdict();
      if (verdict != WebhookSignature.Verdict.VALID) {
        LOG.warn("webhook signature refused", "verdict", verdict, "requestId", request.requestId());
        throw ApiException.unauthorized(switch (verdict) {
          case MISSING -> "The X-Signature header is missing.";
          case EXPIRED -> "The signature's timestamp is outside the 5-minute window.";
          default -> "The signature is not valid.";
        });
      }
      if (!check.keyId().equals(signature.currentKeyId())) {
        LOG.info("webhook signed with the previous secret", "keyId", check.keyId(), "requestId", request.requestId());
      }
      ApplyPaymentEvent.Result outcome = flow.payment(PaymentEvent.parse(body));
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("received", true);
      response.put("eventId", outcome.eventId());
      response.put("orderId", outcome.orderId());
      response.put("duplicate", outcome.duplicate());
      response.put("outcome", outcome.outcome());
      response.put("orderStatus", outcome.status());
      return HttpResponse.json(200, response);
    });
  }
}
