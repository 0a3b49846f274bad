package dev.storeops.fulfilment;

import java.time.Clock;

/**
 * Mark an order delivered (staff API): SHIPPED → DELIVERED as {@link DeliveryPolicy} decides;
 * repeating it changes nothing. Then the customer's delivered mail and SMS ({@link CustomerNotices},
 * once per order).
 */
public final class DeliverOrder {
  private final OrderMutations mutations;
  private final DeliveryPolicy policy;
  private final CustomerNotices notices;
  private final Clock clock;

  public DeliverOrder(OrderMutations mutations, DeliveryPolicy policy, CustomerNotices notices, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.notices = notices;
    this.clock = clock;
  }

  public OrderFile deliver(String orderId, String by) {
    OrderFile f = mutations.mutate(orderId, f0 -> policy.deliver(f0, by, clock.instant())).file();
    notices.afterChange(f.order(), f.shipment());
    return f;
  }
}
