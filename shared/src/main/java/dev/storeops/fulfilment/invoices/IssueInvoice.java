package dev.storeops.fulfilment.invoices;

import dev.storeops.catalog.Money;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.log.Log;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Issue the invoice of a new bank-transfer order: the PDF ({@link Invoice}, drawn by {@code renderer}) is
 * stored once under {@code invoices/<orderId>.pdf}, and the customer gets the {@code invoice} mail with its
 * download link ({@code /payments/invoice/{id}?token=…}, which answers with a short-lived S3 URL) and the
 * payment details. Idempotent: an existing PDF is not drawn again, the mail's dedupe key is
 * {@code invoice#<orderId>}. Other payment methods: nothing.
 */
public final class IssueInvoice {
  private static final Log LOG = Log.get(IssueInvoice.class);
  public static final String TEMPLATE = "invoice";

  private final OrderStore orders;
  private final CustomerStore customers;
  private final InvoiceFiles files;
  private final MailOutbox outbox;
  private final ShopRequisites shop;
  private final ZoneId zone;
  private final String publicBaseUrl;
  private final Function<Invoice, byte[]> renderer;

  public IssueInvoice(OrderStore orders, CustomerStore customers, InvoiceFiles files, MailOutbox outbox,
      ShopRequisites shop, ZoneId zone, String publicBaseUrl, Function<Invoice, byte[]> renderer) {
    this.orders = orders;
    this.customers = customers;
    this.files = files;
    this.outbox = outbox;
    this.shop = shop;
    this.zone = zone;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
    this.renderer = renderer;
  }

  /** Returns whether the order has an invoice now. */
  public boolean orderCreated(String orderId, String accessToken) {
    Order order = orders.find(orderId).orElse(null);
    return order != null && orderCreated(order, accessToken);
  }

  /**
   * As {@link #orderCreated(String, String)} for an order already read (order-events reads it once for
   * all its steps; the payment method, lines and totals an invoice uses never change after creation):
   * nothing is read for an order not paid by bank transfer.
   */
  public boolean orderCreated(Order order, String accessToken) {
    String orderId = order.id();
    if (order.paymentMethod() != PaymentMethod.BANK_TRANSFER) {
      return false;
    }
    Customer customer = customers.find(order.customerId()).orElse(null);
    String buyer = customer == null || customer.name() == null ? "—" : customer.name();
    Invoice invoice = Invoice.of(order, buyer, shop, zone);
    if (!files.exists(orderId)) {
      files.put(orderId, renderer.apply(invoice));
      LOG.info("invoice issued", "orderId", orderId, "number", invoice.number());
    }
    if (customer != null && customer.email() != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("orderNumber", order.number());
      data.put("customerName", buyer);
      data.put("totalText", Money.rub(invoice.totalMinor()));
      data.put("vatText", invoice.vatText());
      data.put("purpose", invoice.purpose());
      data.put("payeeName", shop.name());
      data.put("payeeInn", shop.inn());
      data.put("account", shop.account());
      data.put("bankName", shop.bankName());
      data.put("bic", shop.bic());
      data.put("correspondentAccount", shop.correspondentAccount());
      data.put("invoiceUrl", accessToken == null ? publicBaseUrl + "/orders/" + orderId
          : publicBaseUrl + "/payments/invoice/" + orderId + "?token=" + accessToken);
      outbox.send(new MailIntent(TEMPLATE + "#" + orderId, TEMPLATE, MailIntent.Category.TRANSACTIONAL, customer.id(),
          customer.email(), customer.locale(), TEMPLATE, data));
    }
    return true;
  }
}
