package dev.storeops.orderevents;

import dev.storeops.fulfilment.invoices.IssueInvoice;
import dev.storeops.fulfilment.AcceptNewOrder;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.messaging.flows.OrderMailFlowsStep;
import dev.storeops.ordering.OrderAnnouncements;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.platform.json.Json;

/**
 * What follows an {@code OrderCreated} event, in order: confirmation mail and manager assignment, the
 * payment deadline or "confirm by phone" task (docs/payments.md), the per-order mail flows, a bank-transfer
 * order's invoice; then the order's announce item goes ({@link OrderAnnouncements}: the sweeper leaves the order alone). Every step
 * is idempotent, so an order announced twice (redelivery, or the sweeper) is completed once.
 */
final class OrderCreatedSteps {
  private final AcceptNewOrder service;
  private final OrderFlow followUps;
  private final OrderMailFlowsStep mailFlows;
  private final OrderAnnouncements announcements;
  private final IssueInvoice invoices;

  OrderCreatedSteps(AcceptNewOrder service, OrderFlow followUps, OrderMailFlowsStep mailFlows,
      OrderAnnouncements announcements, IssueInvoice invoices) {
    this.invoices = invoices;
    this.service = service;
    this.followUps = followUps;
    this.mailFlows = mailFlows;
    this.announcements = announcements;
  }

  /** Handles one message body; throws for an unreadable or foreign event and for a failed step. */
  void handle(String body) throws Exception {
    OrderCreated created = Json.mapper().readValue(body, OrderCreated.class);
    if (!OrderCreated.TYPE.equals(created.type()) || created.orderId() == null) {
      throw new IllegalArgumentException("not an OrderCreated event");
    }
    // the order is read once, by the first step; the later steps reuse what never changes after creation
    // (customer, creation time, lines, payment method)
    Order order = service.accept(created);
    followUps.orderPlaced(created.orderId());
    mailFlows.orderCreated(order);
    // a bank-transfer order: its PDF invoice with the payment QR, stored and mailed (docs/payments.md); last, so
    // that an S3 hiccup (the message comes back) does not hold up the payment deadline and the tasks
    invoices.orderCreated(order, created.accessToken());
    announcements.announced(created.orderId());
  }
}
