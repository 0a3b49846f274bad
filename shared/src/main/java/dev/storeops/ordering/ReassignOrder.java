package dev.storeops.ordering;

import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.Identifiers;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.retry.Retry;
import dev.storeops.staff.ManagerReassignmentPolicy;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;

/**
 * The owner moves an order to another manager ({@code PUT /staff/orders/{id}/manager}): decided by
 * {@link ManagerReassignmentPolicy} on the order as read, written by {@link OrderStore#reassignManager}
 * conditioned on what was read (a concurrent change: read and decide again). The order's open tasks
 * (confirm by phone, call about the payment, …) go with it to the new manager, before the order's write,
 * so that repeating a reassignment that stopped half-way finishes it.
 */
public final class ReassignOrder {
  private static final Log LOG = Log.get(ReassignOrder.class);

  /** The body of {@code PUT /staff/orders/{id}/manager}. */
  public record Request(String managerId) {}

  private final OrderStore orders;
  private final Catalog catalog;
  private final TaskService tasks;

  public ReassignOrder(OrderStore orders, Catalog catalog, TaskService tasks) {
    this.orders = orders;
    this.catalog = catalog;
    this.tasks = tasks;
  }

  /** The order with its new manager; asking for the manager it has already changes nothing. */
  public Order reassign(String orderId, Request request, String by) {
    String target = request == null || request.managerId() == null ? null : request.managerId().strip();
    if (target == null || target.isEmpty()) {
      throw Invalid.field("managerId", "is required");
    }
    if (!Identifiers.validId(target)) {
      throw Invalid.field("managerId", "is not a valid manager id");
    }
    for (int attempt = 1; attempt <= Retry.ATTEMPTS; attempt++) {
      Order order = orders.find(orderId).orElseThrow(() -> new NotFound("Order " + orderId));
      var decision = ManagerReassignmentPolicy.decide(order.status().open(), order.managerId(), target,
          catalog.manager(target));
      if (decision == ManagerReassignmentPolicy.Decision.UNCHANGED) {
        return order;
      }
      String from = order.managerId() == null ? StaffTask.UNASSIGNED : order.managerId();
      tasks.handOver(order.id(), from, target);
      if (orders.reassignManager(order, target)) {
        LOG.info("order reassigned", "orderId", orderId, "from", order.managerId(), "to", target, "by", by);
        return orders.find(orderId).orElseThrow();
      }
      Retry.backOff(attempt);
    }
    throw new Busy("order-busy", "Order " + orderId + " kept changing; try again.");
  }
}
