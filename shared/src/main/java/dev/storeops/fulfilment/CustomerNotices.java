package dev.storeops.fulfilment;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.catalog.Money;
import dev.storeops.ordering.Order;
import dev.storeops.platform.log.Log;
import java.util.Map;
import java.util.Optional;

/**
 * The mail the order rules send the customer: the payment reminder and the cancellation notice (texts
 * in {@link CustomerNoticeTexts}). One dedupe key per order and kind, so a repeat sends nothing twice;
 * an order whose customer is gone gets no mail.
 */
public final class CustomerNotices {
  private static final Log LOG = Log.get(CustomerNotices.class);

  private final CustomerStore customers;
  private final MailOutbox mail;
  private final String publicBaseUrl;

  public CustomerNotices(CustomerStore customers, MailOutbox mail, String publicBaseUrl) {
    this.customers = customers;
    this.mail = mail;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** "Your order is not paid yet": the total, how to pay and a link to the order. */
  public void paymentReminder(Order o) {
    customer(o).ifPresent(c -> mail.send(new MailIntent("payment-reminder#" + o.id(), "payment-reminder",
        MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), c.locale(), "payment-reminder", Map.of(
            "customerName", c.name(), "orderNumber", o.number(), "totalText", Money.rub(o.totalMinor()),
            "paymentInstructions", CustomerNoticeTexts.paymentInstructions(o.paymentMethod(), "en".equals(c.locale())),
            "orderUrl", publicBaseUrl + "/orders/" + o.id()))));
  }

  /** "Your order was cancelled" with the reason. */
  public void orderCancelled(Order o) {
    customer(o).ifPresent(c -> mail.send(new MailIntent("order-cancelled#" + o.id(), "order-cancelled",
        MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), c.locale(), "order-cancelled", Map.of(
            "customerName", c.name(), "orderNumber", o.number(), "reason",
            CustomerNoticeTexts.cancellationReason(o, "en".equals(c.locale()))))));
  }

  private Optional<Customer> customer(Order o) {
    Optional<Customer> c = customers.find(o.customerId());
    if (c.isEmpty()) {
      LOG.warn("order's customer not found: no mail", "orderId", o.id());
    }
    return c;
  }
}
