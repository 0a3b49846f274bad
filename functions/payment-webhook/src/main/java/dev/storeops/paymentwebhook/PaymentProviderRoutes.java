package dev.storeops.paymentwebhook;

import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.OrderFlowStore;
import dev.storeops.fulfilment.invoices.InvoiceFiles;
import dev.storeops.fulfilment.providers.PaymentLinks;
import dev.storeops.fulfilment.providers.RobokassaResults;
import dev.storeops.fulfilment.providers.YooKassaNotifications;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.Tokens;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The provider adapters (docs/payments.md): {@code POST /payments/yookassa} (YooKassa's HTTP notifications),
 * {@code POST /payments/robokassa/result} (Robokassa's ResultURL, answered {@code OK<InvId>}) and
 * {@code GET /payments/pay/{orderId}?token=…} (the customer's payment link: 302 to the provider's page) and
 * {@code GET /payments/invoice/{orderId}?token=…} (the bank-transfer invoice: 302 to a presigned S3 URL).
 */
final class PaymentProviderRoutes {
  private static final Log LOG = Log.get(PaymentWebhookHandler.class);
  static final java.time.Duration INVOICE_LINK_TTL = java.time.Duration.ofMinutes(10);

  private PaymentProviderRoutes() {}

  static Router add(Router router, YooKassaNotifications yookassa, RobokassaResults robokassa, PaymentLinks links,
      OrderFlowStore orders, Function<Order, PaymentLinks.Payer> payerOf, InvoiceFiles invoices) {
    return router
        .on("POST /payments/yookassa", request -> {
          YooKassaNotifications.Outcome o = yookassa.receive(request.bodyBytes(), request.sourceIp());
          if (o.refused()) {
            throw o.refusal() == YooKassaNotifications.Refusal.SENDER_NOT_ALLOWED
                ? ApiException.forbidden("The notification does not come from YooKassa's published addresses.",
                    java.util.List.of())
                : ApiException.unauthorized("YooKassa does not confirm this notification (" + o.refusal() + ").");
          }
          return HttpResponse.json(200, body(o.event(), o.result()));
        })
        .on("POST /payments/robokassa/result", request -> {
          Map<String, String> form = request.formFields();
          Optional<ApplyPaymentEvent.Result> r = robokassa.receive(form);
          if (r.isEmpty()) {
            throw ApiException.unauthorized("The SignatureValue is not Robokassa's signature of this notification.");
          }
          return HttpResponse.of(200, "text/plain", "OK" + form.get("InvId"), Map.of());
        })
        .on("GET /payments/pay/{orderId}", request -> {
          String id = request.pathParameter("orderId");
          String token = request.query("token").orElse(null);
          Order order = orders.find(id).map(f -> f.order())
              .filter(o -> token != null && Tokens.matches(token, o.accessTokenHash()))
              .orElseThrow(() -> ApiException.notFound("Order " + id));
          String url = links.linkFor(order, payerOf.apply(order));
          LOG.info("payment link followed", "orderId", id);
          return HttpResponse.of(302, "text/plain", "", Map.of("Location", url, "Cache-Control", "no-store"));
        })
        .on("GET /payments/invoice/{orderId}", request -> {
          // the link in the invoice mail: the PDF through a presigned URL valid for a few minutes
          String id = request.pathParameter("orderId");
          String token = request.query("token").orElse(null);
          orders.find(id).map(f -> f.order())
              .filter(o -> token != null && Tokens.matches(token, o.accessTokenHash()))
              .filter(o -> invoices.exists(o.id()))
              .orElseThrow(() -> ApiException.notFound("The invoice of order " + id));
          return HttpResponse.of(302, "text/plain", "", Map.of("Location",
              invoices.presignedGet(id, INVOICE_LINK_TTL), "Cache-Control", "no-store"));
        });
  }

  private static Map<String, Object> body(String event, Optional<ApplyPaymentEvent.Result> r) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("received", true);
    response.put("event", event);
    response.put("ignored", r.isEmpty());
    r.ifPresent(x -> {
      response.put("eventId", x.eventId());
      response.put("orderId", x.orderId());
      response.put("duplicate", x.duplicate());
      response.put("outcome", x.outcome());
      response.put("orderStatus", x.status());
    });
    return response;
  }
}
