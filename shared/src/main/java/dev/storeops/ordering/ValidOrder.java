package dev.storeops.ordering;

import dev.storeops.customers.CustomerRegistration;
import java.util.List;

/** A validated order request: every field present and well-formed (catalog and stock not yet checked). */
public record ValidOrder(
    String customerId,
    CustomerRegistration newCustomer,
    List<Line> lines,
    DeliveryChoice delivery,
    PaymentMethod paymentMethod,
    Channel channel,
    String cartId,
    String promoCode) {

  /** A request without a promo code. */
  public ValidOrder(String customerId, CustomerRegistration newCustomer, List<Line> lines, DeliveryChoice delivery,
      PaymentMethod paymentMethod, Channel channel, String cartId) {
    this(customerId, newCustomer, lines, delivery, paymentMethod, channel, cartId, null);
  }

  public record Line(String sku, int qty) {}

  public record DeliveryChoice(String option, String city, String address, String warehouse) {}

  public List<String> skus() {
    return lines.stream().map(Line::sku).toList();
  }
}
