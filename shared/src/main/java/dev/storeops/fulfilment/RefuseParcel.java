package dev.storeops.fulfilment;

import java.time.Instant;

/**
 * A shipped parcel was refused at the door or not collected (docs/returns.md): SHIPPED → RETURNING as
 * {@link RefusalPolicy} decides. Called by staff ({@code POST /staff/orders/{id}/refusal}) and by the
 * carrier's status job through {@link #refuse}; a repeat (the carrier reporting the same status again)
 * changes nothing.
 */
public final class RefuseParcel {
  private final OrderMutations mutations;
  private final RefusalPolicy policy;

  public RefuseParcel(OrderMutations mutations, RefusalPolicy policy) {
    this.mutations = mutations;
    this.policy = policy;
  }

  /**
   * Refuses the parcel of {@code orderId}.
   *
   * @param reason {@link RefusalPolicy.Reason#REFUSED} or {@link RefusalPolicy.Reason#NOT_COLLECTED}
   * @param actor a staff id, or {@code carrier:<name>} for the carrier's status job
   * @param at when it happened (the carrier's status time, or now)
   * @return the order after the change (or as it was when already refused)
   * @throws dev.storeops.platform.errors.NotFound when there is no such order
   * @throws dev.storeops.platform.errors.Conflict (illegal-transition) when the order is not SHIPPED
   */
  public OrderFile refuse(String orderId, RefusalPolicy.Reason reason, String actor, Instant at) {
    String source = actor != null && actor.startsWith("carrier") ? RefusalPolicy.SOURCE_CARRIER : RefusalPolicy.SOURCE_STAFF;
    return mutations.mutate(orderId, f -> policy.refuse(f, reason, actor, source, at)).file();
  }
}
