package dev.storeops.paymentwebhook;

import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.fulfilment.carriers.ReceiveCarrierStatus;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /carriers/{carrier}/status} (public, docs/carriers.md): the generic signed carrier-status
 * webhook, in this function because it is the one for signed third-party callbacks. Header {@code
 * X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} with {@code CarrierWebhookSecret}
 * (current or previous), 5-minute window — the payment webhook's {@link WebhookSignature}. 401 for a
 * missing, wrong or expired signature (and while no secret is deployed), 400 naming the bad fields,
 * 404 for an unknown carrier or tracking number, 200 for an applied or repeated event.
 */
final class CarrierWebhookRoute {
  private static final Log LOG = Log.get(PaymentWebhookHandler.class);

  private CarrierWebhookRoute() {}

  static Router add(Router router, Optional<WebhookSignature> signature, ReceiveCarrierStatus receive) {
    return router.on("POST /carriers/{carrier}/status", request -> {
      String carrier = request.pathParameter("carrier");
      if (signature.isEmpty()) {
        LOG.warn("carrier webhook called but no CarrierWebhookSecret is deployed", "carrier", carrier);
        throw ApiException.unauthorized("The carrier webhook is not open: no secret is configured.");
      }
      byte[] body = request.bodyBytes();
      WebhookSignature.Check check = signature.get().check(request.header("X-Signature").orElse(null), body);
      if (check.verdict() != WebhookSignature.Verdict.VALID) {
        LOG.warn("carrier webhook signature refused", "carrier", carrier, "verdict", check.verdict(),
            "requestId", request.requestId());
        throw ApiException.unauthorized(switch (check.verdict()) {
          case MISSING -> "The X-Signature header is missing.";
          case EXPIRED -> "The signature's timestamp is outside the 5-minute window.";
          default -> "The signature is not valid.";
        });
      }
      if (!check.keyId().equals(signature.get().currentKeyId())) {
        LOG.info("carrier webhook signed with the previous secret", "carrier", carrier, "keyId", check.keyId());
      }
      ReceiveCarrierStatus.Result r = receive.receive(carrier, body);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("received", true);
      response.put("carrier", r.carrier());
      response.put("eventId", r.eventId());
      response.put("orderId", r.orderId());
      response.put("duplicate", r.duplicate());
      response.put("status", r.status());
      response.put("outcome", r.outcome());
      response.put("orderStatus", r.orderStatus());
      return HttpResponse.json(200, response);
    });
  }
}
