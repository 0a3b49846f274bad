package dev.storeops.messaging.flows;

import dev.storeops.platform.log.Log;
import dev.storeops.catalog.Catalog;
import dev.storeops.messaging.campaigns.OrderSegments;
import dev.storeops.ordering.OrderLine;
import dev.storeops.catalog.Product;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * After an order: recomputes the customer's reorder reminder and reactivation chain from the whole
 * order history (issue 7 flows). A recompute, not an increment, written only when the last order
 * moves forward: a redelivered event changes nothing. Also records the customer as a buyer of each
 * category of the order (campaign segment), a write that keeps the latest purchase time.
 */
public final class OrderMailFlowsStep {
  private static final Log LOG = Log.get(OrderMailFlowsStep.class);
  private final OrderStore orders;
  private final MailFlows flows;
  private final Catalog catalog;
  private final CategoryBuyers segments;

  public OrderMailFlowsStep(OrderStore orders, MailFlows flows, Catalog catalog, CategoryBuyers segments) {
    this.orders = orders;
    this.flows = flows;
    this.catalog = catalog;
    this.segments = segments;
  }

  public MailFlows.Recorded orderCreated(String orderId) {
    return orderCreated(orders.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " not found")));
  }

  /**
   * As {@link #orderCreated(String)} for an order already read (order-events reads it once for all its
   * steps: what this step uses — customer, creation time, lines — never changes after creation). The
   * order's products are read in one batch.
   */
  public MailFlows.Recorded orderCreated(Order order) {
    String orderId = order.id();
    List<Order> history = orders.ordersOfCustomer(order.customerId());
    MailFlows.Recorded r = flows.recordOrders(order.customerId(), history);
    // campaign segment "bought in a category": one index item per category of the order's products
    Set<String> categories = new TreeSet<>();
    for (Product product : catalog.products(order.lines().stream().map(OrderLine::sku).toList()).values()) {
      if (OrderSegments.validCategory(product.category())) {
        categories.add(OrderSegments.categoryKey(product.category()));
      }
    }
    categories.forEach(c -> segments.recordBuyer(order.customerId(), c, order.createdAt()));
    LOG.info("mail flows recomputed", "orderId", orderId, "orders", history.size(), "reorderDueAt",
        String.valueOf(r.reorderDueAt()), "reactivationDueAt", String.valueOf(r.reactivationDueAt()));
    return r;
  }
}
