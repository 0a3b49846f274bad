package dev.storeops.fulfilment.carriers;

import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.RefusalPolicy;
import dev.storeops.fulfilment.RefuseParcel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.log.Log;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link ParcelMoves} on the order flow: a delivered parcel moves a SHIPPED order to DELIVERED through
 * the existing {@code DeliverOrder} (by {@value #BY}); a parcel coming back moves it SHIPPED → RETURNING
 * through {@link RefuseParcel} (the carrier's NOT_DELIVERED and REFUSED are a refusal, NOT_COLLECTED a
 * parcel not collected; docs/returns.md: the warehouse receives it and restocks) and opens one task
 * {@code parcel-refused_<orderId>} for the order's manager (call the customer), due in the ordinary task
 * time. An order no longer SHIPPED (delivered by staff, refusal already registered) is left alone.
 */
public final class OrderParcelMoves implements ParcelMoves {
  public static final String BY = "rule:carrier-status";
  public static final String REFUSED_TASK = "parcel-refused";
  private static final Log LOG = Log.get(OrderParcelMoves.class);
  private final OrderFlow flow;
  private final RefuseParcel refuse;
  private final TaskService tasks;
  private final Duration taskDue;

  public OrderParcelMoves(OrderFlow flow, RefuseParcel refuse, TaskService tasks, Duration taskDue) {
    this.flow = flow;
    this.refuse = refuse;
    this.tasks = tasks;
    this.taskDue = taskDue;
  }

  @Override
  public Moved delivered(String orderId, Instant at) {
    OrderFile f = flow.get(orderId);
    OrderStatus status = f.order().status();
    if (status != OrderStatus.SHIPPED) {
      if (status != OrderStatus.DELIVERED) {
        LOG.warn("carrier says delivered, order not shipped: left alone", "orderId", orderId, "status", status);
      }
      return new Moved(false, status);
    }
    OrderFile after = flow.deliver(orderId, BY);
    return new Moved(after.order().status() != status, after.order().status());
  }

  @Override
  public Moved refused(String orderId, RefusalReason reason, Instant at) {
    OrderFile f = flow.get(orderId);
    Order o = f.order();
    if (o.status() != OrderStatus.SHIPPED) {
      LOG.info("carrier says the parcel comes back, order not shipped: left alone", "orderId", orderId,
          "status", o.status(), "reason", reason);
      return new Moved(false, o.status());
    }
    Object carrier = f.shipment() == null ? null : f.shipment().get("carrier");
    String by = "carrier:" + (carrier == null ? "unknown" : carrier);
    OrderFile after = refuse.refuse(orderId, reason == RefusalReason.NOT_COLLECTED
        ? RefusalPolicy.Reason.NOT_COLLECTED : RefusalPolicy.Reason.REFUSED, by, at);
    String id = REFUSED_TASK + "_" + orderId;
    String title = "Parcel of order " + o.number() + " comes back per " + (carrier == null ? "the carrier" : carrier)
        + " (" + reason + "): call the customer; the warehouse receives it when it is back";
    // the task id is the order's: a second report of the same parcel finds the task already open
    tasks.open(id, REFUSED_TASK, title, o.id(), o.customerId(),
        o.managerId() == null ? StaffTask.UNASSIGNED : o.managerId(), taskDue, BY);
    LOG.info("parcel comes back: order returning, task opened for the manager", "orderId", orderId,
        "reason", reason, "at", at);
    return new Moved(after.order().status() != o.status(), after.order().status());
  }
}
