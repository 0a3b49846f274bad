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
import dev.storeops.messaging.MailIntent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  private static final int ASSIGN_ATTEMPTS = 5;

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

  /**
   * Accepts the order; returns it as read at the start (the steps after this one reuse it: no second read).
   * The manager is assigned first; then the mails still owed (the customer's confirmation, the manager's
   * new-order mail) are queued together and their markers written in one write (docs/performance.md: one
   * order write and one queue call fewer per order). When the assignment fails, the confirmation still
   * goes before the error.
   */
  public Order accept(OrderCreated event) {
    // the order and its step markers in one read (a redelivered event finds the steps that ran)
    OrderStore.Marked marked = orders.findMarked(event.orderId(), Set.of(CONFIRMATION_MARKER, MANAGER_MARKER))
        .orElseThrow(() -> new IllegalStateException("order " + event.orderId() + " not found"));
    Order order = marked.order();
    Customer customer = customers.find(order.customerId())
        .orElseThrow(() -> new IllegalStateException("customer " + order.customerId() + " not found"));

    List<MailIntent> owed = new ArrayList<>();
    Set<String> markers = new LinkedHashSet<>();
    if (!marked.markers().contains(CONFIRMATION_MARKER)) {
      owed.add(mails.confirmation(order, customer, event.accessToken()));
      markers.add(CONFIRMATION_MARKER);
    }
    Assignment assignment;
    try {
      assignment = responsibleManager(order, customer);
    } catch (RuntimeException e) {
      queue(order, owed, markers);
      throw e;
    }
    Optional<Manager> manager = Optional.ofNullable(assignment.manager());
    if (manager.isPresent() && !marked.markers().contains(MANAGER_MARKER)) {
      owed.add(mails.managerNewOrder(order, customer, manager.get().name(), manager.get().email()));
      markers.add(MANAGER_MARKER);
    }
    queue(order, owed, markers);
    if (assignment.closed()) {
      LOG.info("order closed before it was announced: no manager assigned", "orderId", order.id());
    } else if (manager.isEmpty()) {
      if (orders.markOnce(order.id(), UNASSIGNED_MARKER)) {
        outbox.send(mails.unassigned(order, opsEmail));
      }
      LOG.warn("no manager on shift: order left unassigned", "orderId", order.id());
    } else if (markers.contains(MANAGER_MARKER)) {
      LOG.info("manager notified", "orderId", order.id(), "managerId", manager.get().id());
    }
    return order;
  }

  /**
   * Queues the owed mails in one call, then writes their markers in one write. A crash between the two
   * queues them again on redelivery; their dedupe keys stop the second send.
   */
  private void queue(Order order, List<MailIntent> owed, Set<String> markers) {
    if (owed.isEmpty()) {
      return;
    }
    outbox.send(owed);
    orders.mark(order.id(), markers);
    if (markers.contains(CONFIRMATION_MARKER)) {
      LOG.info("order confirmation queued", "orderId", order.id());
    }
  }

  /** The order's manager ({@code null}: nobody on shift), or that the order was closed meanwhile. */
  private record Assignment(Manager manager, boolean closed) {}

  /**
   * The order's manager: the one already assigned, or a new choice assigned now (exactly once). The
   * assignment is conditioned on the order's status as read: when the order changed meanwhile (paid,
   * cancelled) it is read again and decided again; a closed order gets nobody.
   */
  private Assignment responsibleManager(Order order, Customer customer) {
    Order current = order;
    for (int attempt = 1; attempt <= ASSIGN_ATTEMPTS; attempt++) {
      if (current.managerId() != null) {
        return new Assignment(catalog.manager(current.managerId()).orElse(null), false);
      }
      if (!current.status().open()) {
        return new Assignment(null, true);
      }
      Optional<Manager> chosen = ManagerAssignmentPolicy.choose(customer.managerId(), catalog.managers());
      if (chosen.isEmpty()) {
        return new Assignment(null, false);
      }
      if (orders.assignManager(current, chosen.get().id())) {
        LOG.info("manager assigned", "orderId", current.id(), "managerId", chosen.get().id());
        return new Assignment(chosen.get(), false);
      }
      // assigned by another delivery of this event, or the order changed meanwhile: read it again
      current = orders.find(order.id())
          .orElseThrow(() -> new IllegalStateException("order " + order.id() + " not found"));
    }
    throw new IllegalStateException("order " + order.id() + " kept changing while assigning its manager");
  }
}
