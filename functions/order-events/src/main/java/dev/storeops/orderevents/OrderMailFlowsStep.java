package dev.storeops.orderevents;

import dev.storeops.shared.log.Log;
import dev.storeops.shared.mailflow.DynamoMailFlows;
import dev.storeops.shared.order.Order;
import dev.storeops.shared.order.OrderStore;
import java.util.List;

/**
 * After an order: recomputes the customer's reorder reminder and reactivation chain from the whole
 * order history (issue 7 flows). A recompute, not an increment, written only when the last order
 * moves forward: a redelivered event changes nothing.
 */
public final class OrderMailFlowsStep {
  private static final Log LOG = Log.get(OrderMailFlowsStep.class);
  private final OrderStore orders;
  private final DynamoMailFlows flows;

  public OrderMailFlowsStep(OrderStore orders, DynamoMailFlows flows) {
    this.orders = orders;
    this.flows = flows;
  }

  public DynamoMailFlows.Recorded orderCreated(String orderId) {
    Order order = orders.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " not found"));
    List<Order> history = orders.ordersOfCustomer(order.customerId());
    DynamoMailFlows.Recorded r = flows.recordOrders(order.customerId(), history);
    LOG.info("mail flows recomputed", "orderId", orderId, "orders", history.size(), "reorderDueAt",
        String.valueOf(r.reorderDueAt()), "reactivationDueAt", String.valueOf(r.reactivationDueAt()));
    return r;
  }
}
