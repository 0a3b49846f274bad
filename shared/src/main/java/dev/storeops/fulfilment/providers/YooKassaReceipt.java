package dev.storeops.fulfilment.providers;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 54-FZ receipt data a YooKassa payment carries, so that the provider's cash register issues the
 * fiscal receipt: the customer's e-mail (else phone) and one item per order line (description ≤ 128
 * characters, quantity, unit price, {@code vat_code} of the product (catalog field {@code vatCode}, else
 * {@code DEFAULT_VAT_CODE}), {@code payment_subject}, {@code payment_mode}), plus delivery as a
 * {@code service} item. Items are priced net of the line's promo discount, so they add up to the order's
 * total, as YooKassa requires.
 */
public final class YooKassaReceipt {
  private YooKassaReceipt() {}

  public static Map<String, Object> of(Order order, String email, String phone,
      Function<String, Integer> vatCodeOfSku, PaymentProviderSettings s) {
    Map<String, Object> customer = new LinkedHashMap<>();
    if (email != null && !email.isBlank()) {
      customer.put("email", email);
    } else if (phone != null && !phone.isBlank()) {
      customer.put("phone", phone.replaceAll("[^0-9]", ""));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      Integer vat = vatCodeOfSku.apply(l.sku());
      int vatCode = vat == null ? s.defaultVatCode() : vat;
      // the customer pays the line less its promo discount; a net that does not divide by the quantity
      // is one item at the lower unit price and one unit carrying the remainder, so the items add up
      long net = l.netMinor();
      long unit = net / l.qty();
      long rest = net - unit * l.qty();
      if (rest == 0) {
        items.add(item(l.name(), l.qty(), unit, order.currency(), vatCode, s.paymentSubject(), s.paymentMode()));
      } else {
        if (l.qty() > 1) {
          items.add(item(l.name(), l.qty() - 1, unit, order.currency(), vatCode, s.paymentSubject(), s.paymentMode()));
        }
        items.add(item(l.name(), 1, unit + rest, order.currency(), vatCode, s.paymentSubject(), s.paymentMode()));
      }
    }
    if (order.deliveryCostMinor() > 0) {
      items.add(item("Доставка", 1, order.deliveryCostMinor(), order.currency(), s.defaultVatCode(), "service",
          s.paymentMode()));
    }
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("customer", customer);
    receipt.put("items", items);
    return receipt;
  }

  private static Map<String, Object> item(String description, int qty, long unitMinor, String currency, int vatCode,
      String subject, String mode) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("description", description.length() > 128 ? description.substring(0, 128) : description);
    item.put("quantity", qty + ".00");
    item.put("amount", Map.of("value", Amounts.decimal(unitMinor), "currency", currency));
    item.put("vat_code", vatCode);
    item.put("payment_subject", subject);
    item.put("payment_mode", mode);
    return item;
  }
}
