package dev.storeops.fulfilment.providers;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.log.Log;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the customer pays an online-card order: the link in the confirmation mail and on the order
 * ({@code /payments/pay/{orderId}?token=…}) leads here, and this decides the provider's page.
 * <ul>
 *   <li>YooKassa: {@code POST /v3/payments} (Idempotence-Key {@code order-<id>}: a second click within 24 h
 *       gets the same payment), {@code capture: true}, {@code confirmation: redirect}, {@code metadata.orderId}
 *       and the 54-FZ {@link YooKassaReceipt}; the answer's {@code confirmation_url};</li>
 *   <li>Robokassa: its payment page with {@code MerchantLogin}, {@code OutSum}, {@code Description},
 *       {@code Shp_order} and the {@link RobokassaSignature} with Password#1 ({@code InvId} left to Robokassa).</li>
 * </ul>
 * Only an online-card order awaiting payment has a link (else 409).
 */
public final class PaymentLinks {
  private static final Log LOG = Log.get(PaymentLinks.class);

  /** Who pays, for the receipt. */
  public record Payer(String email, String phone) {}

  private final PaymentProviderSettings settings;
  private final YooKassaApi yookassa;
  private final Function<String, Integer> vatCodeOfSku;

  public PaymentLinks(PaymentProviderSettings settings, YooKassaApi yookassa, Function<String, Integer> vatCodeOfSku) {
    this.settings = settings;
    this.yookassa = yookassa;
    this.vatCodeOfSku = vatCodeOfSku;
  }

  public String linkFor(Order order, Payer payer) {
    if (order.paymentMethod() != PaymentMethod.ONLINE_CARD || order.status() != OrderStatus.AWAITING_PAYMENT) {
      throw new Conflict("not-awaiting-payment", "Order " + order.number() + " is not an online-card order awaiting "
          + "payment (it is " + order.status() + ").", java.util.List.of());
    }
    return switch (settings.provider()) {
      case "yookassa" -> yookassa(order, payer);
      case "robokassa" -> robokassa(order);
      default -> throw new Conflict("no-payment-provider", "No payment provider is configured (PAYMENT_PROVIDER).", java.util.List.of());
    };
  }

  private String yookassa(Order order, Payer payer) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("amount", Map.of("value", Amounts.decimal(order.totalMinor()), "currency", order.currency()));
    request.put("capture", true);
    request.put("confirmation", Map.of("type", "redirect", "return_url", settings.yookassaReturnUrl()));
    request.put("description", "Заказ " + order.number());
    request.put("metadata", Map.of("orderId", order.id()));
    request.put("receipt", YooKassaReceipt.of(order, payer.email(), payer.phone(), vatCodeOfSku, settings));
    YooKassaApi.Payment p = yookassa.create("order-" + order.id(), request);
    LOG.info("yookassa payment created", "orderId", order.id(), "paymentId", p.id(), "status", p.status());
    if (p.confirmationUrl() == null) {
      throw new Conflict("payment-not-pending", "The provider's payment for order " + order.number() + " is "
          + p.status() + " and has no payment page.", java.util.List.of());
    }
    return p.confirmationUrl();
  }

  private String robokassa(Order order) {
    String outSum = Amounts.decimal(order.totalMinor());
    Map<String, String> shp = Map.of(RobokassaResults.ORDER_PARAM, order.id());
    String sig = new RobokassaSignature(settings.robokassaHash()).payment(settings.robokassaLogin(), outSum, null,
        settings.robokassaPassword1(), shp);
    return settings.robokassaPayUrl() + "?MerchantLogin=" + enc(settings.robokassaLogin()) + "&OutSum=" + outSum
        + "&Description=" + enc("Заказ " + order.number()) + "&SignatureValue=" + sig
        + "&" + RobokassaResults.ORDER_PARAM + "=" + enc(order.id()) + (settings.robokassaTest() ? "&IsTest=1" : "");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
