package dev.storeops.fulfilment;

import java.time.Clock;

/**
 * A refused parcel arrived back at the warehouse (docs/returns.md): RETURNING → RETURNED, every unit
 * restocked ({@code return-to-stock}) in the same transaction, as {@link RefusalPolicy#receive} decides.
 * A repeat changes nothing: the units are restocked once.
 */
public final class ReceiveReturnedParcel {
  private final OrderMutations mutations;
  private final RefusalPolicy policy;
  private final Clock clock;

  public ReceiveReturnedParcel(OrderMutations mutations, RefusalPolicy policy, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.clock = clock;
  }

  public OrderFile receive(String orderId, String by) {
    return mutations.mutate(orderId, f -> policy.receive(f, by, clock.instant())).file();
  }
}
