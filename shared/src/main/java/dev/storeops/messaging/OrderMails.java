package dev.storeops.messaging;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailIntent;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.Money;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the mail intents of a new order (the email-sender renders them). Plain Java. */
public final class OrderMails {
  public static final String CONFIRMATION = "order-confirmation";
  public static final String MANAGER_NEW_ORDER = "manager-new-order";
  public static final String ORDER_UNASSIGNED = "order-unassigned";

  private final String publicBaseUrl;

  public OrderMails(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  public MailIntent confirmation(Order order, Customer customer, String accessToken) {
    boolean en = "en".equals(customer.locale());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderNumber", order.number());
    data.put("customerName", customer.name());
    data.put("lines", lines(order));
    data.put("itemsTotalText", Money.rub(order.itemsTotalMinor()));
    data.put("deliveryCostText", Money.rub(order.deliveryCostMinor()));
    data.put("totalText", Money.rub(order.totalMinor()));
    data.put("deliveryText", deliveryText(order.delivery(), en));
    data.put("paymentMethod", order.paymentMethod().name());
    data.put("paymentInstructions", paymentInstructions(order.paymentMethod(), en));
    data.put("orderUrl", publicBaseUrl + "/orders/" + order.id() + (accessToken == null ? "" : "?token=" + accessToken));
    if (order.paymentMethod() == PaymentMethod.ONLINE_CARD && accessToken != null) {
      // the payment link: the provider's payment page (YooKassa or Robokassa, docs/payments.md#payment-providers)
      data.put("paymentUrl", paymentUrl(order.id(), accessToken));
    }
    return new MailIntent(CONFIRMATION + "#" + order.id(), CONFIRMATION, MailIntent.Category.TRANSACTIONAL,
        customer.id(), customer.email(), customer.locale(), CONFIRMATION, data);
  }

  /** The customer's payment link of an online-card order: {@code GET /payments/pay/{id}?token=…} (payment-webhook). */
  public String paymentUrl(String orderId, String accessToken) {
    return publicBaseUrl + "/payments/pay/" + orderId + "?token=" + accessToken;
  }

  public MailIntent managerNewOrder(Order order, Customer customer, String managerName, String managerEmail) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("managerName", managerName);
    data.put("orderId", order.id());
    data.put("orderNumber", order.number());
    data.put("channel", order.channel().name());
    data.put("customerId", customer.id());
    data.put("customerName", customer.name());
    data.put("customerPhone", customer.phone());
    data.put("lines", lines(order));
    data.put("totalText", Money.rub(order.totalMinor()));
    data.put("paymentMethod", order.paymentMethod().name());
    data.put("deliveryText", deliveryText(order.delivery(), false));
    // the template links the order (found by the simulation: without it every manager mail failed to render)
    data.put("orderUrl", publicBaseUrl + "/staff/orders/" + order.id());
    return new MailIntent(MANAGER_NEW_ORDER + "#" + order.id(), MANAGER_NEW_ORDER, MailIntent.Category.STAFF,
        null, managerEmail, null, MANAGER_NEW_ORDER, data);
  }

  public MailIntent unassigned(Order order, String opsEmail) {
    return new MailIntent(ORDER_UNASSIGNED + "#" + order.id(), ORDER_UNASSIGNED, MailIntent.Category.STAFF, null,
        opsEmail, null, ORDER_UNASSIGNED, Map.of("orderId", order.id(), "orderNumber", order.number(),
            "totalText", Money.rub(order.totalMinor())));
  }

  static List<Map<String, Object>> lines(Order order) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("sku", l.sku());
      line.put("name", l.name());
      line.put("qty", l.qty());
      line.put("priceText", Money.rub(l.unitPriceMinor()));
      line.put("totalText", Money.rub(l.lineTotalMinor()));
      lines.add(line);
    }
    return lines;
  }

  static String deliveryText(Delivery d, boolean en) {
    String cost = Money.rub(d.costMinor());
    return switch (d.method()) {
      case PICKUP -> (en ? "Pickup, " : "Самовывоз, ") + d.city() + " (" + d.warehouse() + "), " + cost;
      case COURIER -> (en ? "Courier: " : "Курьер: ") + d.city() + ", " + d.address() + ", " + cost;
      case PARCEL -> (en ? "Parcel (" : "Посылка (") + d.carrier() + "): " + d.city() + ", " + d.address() + ", " + cost;
    };
  }

  static String paymentInstructions(PaymentMethod method, boolean en) {
    return switch (method) {
      case ONLINE_CARD -> en ? "Pay by card online with the link to your order; we hold the goods for 3 days."
          : "Оплатите картой онлайн по ссылке на заказ; мы держим товар 3 дня.";
      case BANK_TRANSFER -> en ? "We will send an invoice; please pay it within 3 days, quoting the order number."
          : "Мы пришлём счёт; оплатите его в течение 3 дней, указав номер заказа.";
      case CASH_ON_DELIVERY -> en ? "Pay on delivery in cash or by card; a manager will call to confirm the order."
          : "Оплата при получении наличными или картой; менеджер позвонит, чтобы подтвердить заказ.";
    };
  }
}
