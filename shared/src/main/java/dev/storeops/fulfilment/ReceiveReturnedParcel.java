package dev.storeops.fulfilment;

import dev.storeops.catalog.Money;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;

/**
 * A refused parcel arrived back at the warehouse (docs/returns.md): RETURNING → RETURNED, every unit
 * restocked ({@code return-to-stock}) in the same transaction, as {@link RefusalPolicy#receive} decides.
 * A repeat changes nothing: the units are restocked once. A refused parcel that was paid in advance
 * gives the owner a task to refund its total by hand (id {@code refund_<orderId>_parcel}: once).
 */
public final class ReceiveReturnedParcel {
  static final Duration REFUND_TASK_DUE = Duration.ofDays(1);
  private final OrderMutations mutations;
  private final RefusalPolicy policy;
  private final TaskService tasks;
  private final Clock clock;

  /** @param tasks where the refund task of a prepaid refused parcel goes (null: none is opened) */
  public ReceiveReturnedParcel(OrderMutations mutations, RefusalPolicy policy, TaskService tasks, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.tasks = tasks;
    this.clock = clock;
  }

  public OrderFile receive(String orderId, String by) {
    OrderFile f = mutations.mutate(orderId, file -> policy.receive(file, by, clock.instant())).file();
    Order o = f.order();
    boolean paid = o.statusHistory().stream().anyMatch(h -> h.status() == OrderStatus.PAID);
    if (tasks != null && o.status() == OrderStatus.RETURNED && paid) {
      tasks.open("refund_" + o.id() + "_parcel", "refund", "Refund " + Money.rub(o.totalMinor())
          + " to the customer of order " + o.number() + " (refused parcel back)", o.id(), o.customerId(),
          RegisterReturn.OWNER, REFUND_TASK_DUE, by);
    }
    return f;
  }
}
