package dev.storeops.fulfilment;

import dev.storeops.messaging.OrderMails;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.catalog.Catalog;
import dev.storeops.staff.Manager;
import dev.storeops.staff.ManagerAssignmentPolicy;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderStore;
import java.util.Optional;

/**
 * Accept a new order (order-events, after the order is stored): the customer's confirmation mail, and
 * the responsible manager chosen by {@link ManagerAssignmentPolicy} (the customer's previous manager
 * when on shift, else the least-loaded manager on shift), assigned once and notified once; with nobody
 * on shift the ops mailbox is alerted once and the order stays unassigned. Each step is guarded by a
 * conditional write on the order, so a redelivered event sends nothing twice and re-assigns nothing. A crash between queueing a mail
 * and writing its marker can queue it twice; the intent's dedupe key stops the second send.
 */
public final class AcceptNewOrder {
  static final String CONFIRMATION_MARKER = "confirmationQueuedAt";
  static final String MANAGER_MARKER = "managerNotifiedAt";
  static final String UNASSIGNED_MARKER = "unassignedAlertAt";
  private static final Log LOG = Log.get(AcceptNewOrder.class);

  private final OrderStore orders;
  private final Catalog catalog;
  private final CustomerStore customers;
  private final MailOutbox outbox;
  private final OrderMails mails;
  private final String opsEmail;

  public AcceptNewOrder(OrderStore orders, Catalog catalog, CustomerStore customers, MailOutbox outbox,
      OrderMails mails, String opsEmail) {
    this.orders = orders;
    this.catalog = catalog;
    this.customers = customers;
    this.outbox = outbox;
    this.mails = mails;
    this.opsEmail = opsEmail;
  }

  public void accept(OrderCreated event) {
    Order order = orders.find(event.orderId())
        .orElseThrow(() -> new IllegalStateException("order " + event.orderId() + " not found"));
    Customer customer = customers.find(order.customerId())
        .orElseThrow(() -> new IllegalStateException("customer " + order.customerId() + " not found"));

    if (!orders.hasMarker(order.id(), CONFIRMATION_MARKER)) {
      outbox.send(mails.confirmation(order, customer, event.accessToken()));
      orders.markOnce(order.id(), CONFIRMATION_MARKER);
      LOG.info("order confirmation queued", "orderId", order.id());
    }

    Optional<Manager> manager = responsibleManager(order, customer);
    if (manager.isEmpty()) {
      if (orders.markOnce(order.id(), UNASSIGNED_MARKER)) {
        outbox.send(mails.unassigned(order, opsEmail));
      }
      LOG.warn("no manager on shift: order left unassigned", "orderId", order.id());
      return;
    }
    if (!orders.hasMarker(order.id(), MANAGER_MARKER)) {
      outbox.send(mails.managerNewOrder(order, customer, manager.get().name(), manager.get().email()));
      orders.markOnce(order.id(), MANAGER_MARKER);
      LOG.info("manager notified", "orderId", order.id(), "managerId", manager.get().id());
    }
  }

  /** The order's manager: the one already assigned, or a new choice assigned now (exactly once). */
  private Optional<Manager> responsibleManager(Order order, Customer customer) {
    if (order.managerId() != null) {
      return catalog.manager(order.managerId());
    }
    Optional<Manager> chosen = ManagerAssignmentPolicy.choose(customer.managerId(), catalog.managers());
    if (chosen.isEmpty()) {
      return chosen;
    }
    if (orders.assignManager(order, chosen.get().id())) {
      LOG.info("manager assigned", "orderId", order.id(), "managerId", chosen.get().id());
      return chosen;
    }
    // assigned concurrently by another delivery of this event: use that one
    return orders.find(order.id()).map(Order::managerId).flatMap(catalog::manager);
  }
}
