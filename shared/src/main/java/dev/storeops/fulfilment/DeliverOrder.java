package dev.storeops.fulfilment;

import java.time.Clock;

/**
 * Mark an order delivered (staff API): SHIPPED → DELIVERED as {@link DeliveryPolicy} decides;
 * repeating it changes nothing.
 */
public final class DeliverOrder {
  private final OrderMutations mutations;
  private final DeliveryPolicy policy;
  private final Clock clock;

  public DeliverOrder(OrderMutations mutations, DeliveryPolicy policy, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.clock = clock;
  }

  public OrderFile deliver(String orderId, String by) {
    return mutations.mutate(orderId, f -> policy.deliver(f, by, clock.instant())).file();
  }
}
