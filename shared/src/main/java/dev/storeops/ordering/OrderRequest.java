package dev.storeops.ordering;

import java.util.List;

/**
 * The body of {@code POST /orders} and {@code POST /staff/orders}, as sent. Loose types (strings,
 * boxed numbers) so that validation can name every bad field instead of failing on the first.
 */
public record OrderRequest(
    String customerId,
    ContactRequest customer,
    List<LineRequest> lines,
    DeliveryRequest delivery,
    String paymentMethod,
    String channel,
    String cartId,
    String promoCode) {

  /** A request without a promo code. */
  public OrderRequest(String customerId, ContactRequest customer, List<LineRequest> lines, DeliveryRequest delivery,
      String paymentMethod, String channel, String cartId) {
    this(customerId, customer, lines, delivery, paymentMethod, channel, cartId, null);
  }

  /** A new or returning customer by contacts (matched by e-mail). */
  public record ContactRequest(String email, String name, String phone, String locale, Boolean marketingConsent) {}

  public record LineRequest(String sku, Integer qty) {}

  /** {@code option} is an id from {@code GET /delivery-options}. */
  public record DeliveryRequest(String option, String city, String address, String warehouse) {}
}
