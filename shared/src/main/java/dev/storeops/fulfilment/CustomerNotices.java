package dev.storeops.fulfilment;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.catalog.Money;
import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.messaging.sms.SmsOutbox;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.log.Log;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the order rules tell the customer (docs/notifications.md): the payment reminder (mail), and on
 * the order's way — cancelled, ready for pickup ({@link ReadyForPickupPolicy}), shipped (carrier,
 * tracking number, the carrier's link from {@link TrackingLinks}), delivered, refund made — by mail and
 * by SMS (texts in {@link CustomerNoticeTexts} and {@code SmsTexts}). One dedupe key per order and kind
 * ({@code order-shipped#<orderId>}; a refund: per refund id), the same for the mail and the SMS, so a
 * repeat sends nothing twice; an order whose customer is gone gets nothing; a customer without a phone
 * gets the mail only.
 */
public final class CustomerNotices {
  private static final Log LOG = Log.get(CustomerNotices.class);

  private final CustomerStore customers;
  private final MailOutbox mail;
  private final SmsOutbox sms;
  private final String publicBaseUrl;

  public CustomerNotices(CustomerStore customers, MailOutbox mail, SmsOutbox sms, String publicBaseUrl) {
    this.customers = customers;
    this.mail = mail;
    this.sms = sms;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Mail only (no SMS queue wired). */
  public CustomerNotices(CustomerStore customers, MailOutbox mail, String publicBaseUrl) {
    this(customers, mail, SmsOutbox.NONE, publicBaseUrl);
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
    customer(o).ifPresent(c -> {
      mail.send(new MailIntent("order-cancelled#" + o.id(), "order-cancelled",
          MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), c.locale(), "order-cancelled", Map.of(
              "customerName", c.name(), "orderNumber", o.number(), "reason",
              CustomerNoticeTexts.cancellationReason(o, "en".equals(c.locale())))));
      sms(c, "order-cancelled#" + o.id(), "order-cancelled", Map.of("orderNumber", o.number()));
    });
  }

  /**
   * After a use case changed the order: SHIPPED → the shipped notice, DELIVERED → the delivered notice,
   * a pickup order READY_TO_SHIP → the ready-for-pickup notice; anything else → nothing.
   *
   * @param shipment the shipment recorded at {@code ship} ({@code carrier}, {@code trackingNumber}), or null
   */
  public void afterChange(Order o, Map<String, Object> shipment) {
    if (o.status() == OrderStatus.SHIPPED && shipment != null) {
      orderShipped(o, String.valueOf(shipment.get("carrier")), String.valueOf(shipment.get("trackingNumber")));
    } else if (o.status() == OrderStatus.DELIVERED) {
      orderDelivered(o);
    } else if (ReadyForPickupPolicy.due(o)) {
      readyForPickup(o);
    }
  }

  /** "Your order is on its way": carrier, tracking number and, for a known carrier, its tracking link. */
  public void orderShipped(Order o, String carrier, String trackingNumber) {
    customer(o).ifPresent(c -> {
      Map<String, Object> data = new HashMap<>(Map.of("customerName", c.name(), "orderNumber", o.number(),
          "carrier", carrier, "trackingNumber", trackingNumber, "orderUrl", publicBaseUrl + "/orders/" + o.id()));
      TrackingLinks.link(carrier, trackingNumber).ifPresent(url -> data.put("trackingUrl", url));
      mail.send(new MailIntent("order-shipped#" + o.id(), "order-shipped", MailIntent.Category.TRANSACTIONAL,
          c.id(), c.email(), c.locale(), "order-shipped", data));
      sms(c, "order-shipped#" + o.id(), "order-shipped", Map.of("orderNumber", o.number(), "carrier", carrier,
          "trackingNumber", trackingNumber));
    });
  }

  /** "Your order is ready for pickup" with the pickup point. */
  public void readyForPickup(Order o) {
    String point = CustomerNoticeTexts.pickupPoint(o);
    customer(o).ifPresent(c -> {
      mail.send(new MailIntent("ready-for-pickup#" + o.id(), "ready-for-pickup", MailIntent.Category.TRANSACTIONAL,
          c.id(), c.email(), c.locale(), "ready-for-pickup", Map.of("customerName", c.name(),
              "orderNumber", o.number(), "pickupPoint", point, "totalText", Money.rub(o.totalMinor()),
              "orderUrl", publicBaseUrl + "/orders/" + o.id())));
      sms(c, "ready-for-pickup#" + o.id(), "ready-for-pickup", Map.of("orderNumber", o.number(), "pickupPoint", point));
    });
  }

  /** "Your order was delivered". */
  public void orderDelivered(Order o) {
    customer(o).ifPresent(c -> {
      mail.send(new MailIntent("order-delivered#" + o.id(), "order-delivered", MailIntent.Category.TRANSACTIONAL,
          c.id(), c.email(), c.locale(), "order-delivered", Map.of("customerName", c.name(),
              "orderNumber", o.number(), "orderUrl", publicBaseUrl + "/orders/" + o.id())));
      sms(c, "order-delivered#" + o.id(), "order-delivered", Map.of("orderNumber", o.number()));
    });
  }

  /**
   * "We refunded you": the amount and the order. Called by the payment-event refund path and by returns;
   * one notice per refund id (the provider's refund or event id), so a repeated refund event sends nothing.
   */
  public void refundMade(Order o, long amountMinor, String refundId) {
    String amount = Money.rub(amountMinor);
    customer(o).ifPresent(c -> {
      mail.send(new MailIntent("refund-made#" + refundId, "refund-made", MailIntent.Category.TRANSACTIONAL,
          c.id(), c.email(), c.locale(), "refund-made", Map.of("customerName", c.name(),
              "orderNumber", o.number(), "amountText", amount)));
      sms(c, "refund-made#" + refundId, "refund-made", Map.of("orderNumber", o.number(), "amount", amount));
    });
  }

  private void sms(Customer c, String dedupeKey, String template, Map<String, String> params) {
    if (c.phone() == null || c.phone().isBlank()) {
      return;
    }
    sms.send(new SmsIntent(dedupeKey, c.id(), c.phone(), c.locale(), template, params));
  }

  private Optional<Customer> customer(Order o) {
    Optional<Customer> c = customers.find(o.customerId());
    if (c.isEmpty()) {
      LOG.warn("order's customer not found: no mail", "orderId", o.id());
    }
    return c;
  }
}
