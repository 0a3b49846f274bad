package dev.storeops.ordering;

import dev.storeops.catalog.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each audience sees of an order: the customer never sees reservations or the token hash. */
public final class OrderViews {
  private OrderViews() {}

  public static Map<String, Object> customer(Order o) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", o.id());
    view.put("number", o.number());
    view.put("status", o.status());
    view.put("channel", o.channel());
    view.put("lines", o.lines().stream().map(OrderViews::customerLine).toList());
    view.put("itemsTotalMinor", o.itemsTotalMinor());
    if (o.promo() != null) {
      view.put("promoCode", o.promo().code());
      view.put("discountMinor", o.discountMinor());
    }
    view.put("deliveryCostMinor", o.deliveryCostMinor());
    view.put("totalMinor", o.totalMinor());
    view.put("currency", o.currency());
    view.put("totalText", Money.rub(o.totalMinor()));
    view.put("delivery", o.delivery());
    view.put("paymentMethod", o.paymentMethod());
    view.put("statusHistory", o.statusHistory());
    view.put("short", o.isShort());
    view.put("shortLines", o.isShort() ? o.shortLines() : List.of());
    view.put("createdAt", o.createdAt());
    return view;
  }

  /** A line as the customer sees it: no purchase cost. */
  static Map<String, Object> customerLine(OrderLine l) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sku", l.sku());
    line.put("name", l.name());
    line.put("qty", l.qty());
    line.put("unitPriceMinor", l.unitPriceMinor());
    line.put("lineTotalMinor", l.lineTotalMinor());
    if (l.discountMinor() != null) {
      line.put("discountMinor", l.discountMinor());
    }
    return line;
  }

  public static Map<String, Object> created(Order o, String accessToken) {
    Map<String, Object> view = withPaymentLink(customer(o), o, accessToken);
    view.put("accessToken", accessToken);
    return view;
  }

  /**
   * The customer's view with {@code paymentLink} — the path (under the API's address) of the payment link
   * {@code /payments/pay/{id}?token=…} — while an online-card order awaits payment (docs/payments.md).
   */
  public static Map<String, Object> withPaymentLink(Map<String, Object> view, Order o, String accessToken) {
    if (o.paymentMethod() == PaymentMethod.ONLINE_CARD && o.status() == OrderStatus.AWAITING_PAYMENT
        && accessToken != null) {
      view.put("paymentLink", "/payments/pay/" + o.id() + "?token="
          + java.net.URLEncoder.encode(accessToken, java.nio.charset.StandardCharsets.UTF_8));
    }
    return view;
  }

  public static Map<String, Object> staff(Order o) {
    Map<String, Object> view = customer(o);
    view.put("customerId", o.customerId());
    view.put("createdBy", o.createdBy());
    view.put("managerId", o.managerId());
    view.put("cartId", o.cartId());
    view.put("reservations", o.reservations());
    // the staff see what the goods cost (docs/money.md); the customer never does
    view.put("lines", o.lines());
    view.put("costMinor", o.costMinor());
    if (o.promo() != null) {
      view.put("promo", o.promo());
    }
    view.put("updatedAt", o.updatedAt());
    return view;
  }

  public static List<Map<String, Object>> staff(List<Order> orders) {
    return orders.stream().map(OrderViews::staff).toList();
  }
}
