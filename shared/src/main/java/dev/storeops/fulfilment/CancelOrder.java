package dev.storeops.fulfilment;

import dev.storeops.platform.errors.Invalid;
import java.time.Clock;

/**
 * Cancel an order (staff API) with a reason, from any state before shipping, as
 * {@link CancellationPolicy} decides: the reason is required (at most 500 characters), the stock is
 * released in the same write, the customer gets the cancellation mail and the order's follow-up tasks
 * are closed. Cancelling a cancelled order again changes nothing.
 */
public final class CancelOrder {
  /** The body of {@code POST /staff/orders/{id}/cancel}. */
  public record Request(String reason) {}

  private final OrderMutations mutations;
  private final CancellationPolicy policy;
  private final CancellationFollowUp followUp;
  private final Clock clock;

  public CancelOrder(OrderMutations mutations, CancellationPolicy policy, CancellationFollowUp followUp, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.followUp = followUp;
    this.clock = clock;
  }

  public OrderFile cancel(String orderId, String by, Request r) {
    String reason = r == null || r.reason() == null ? null : r.reason().strip();
    if (reason == null || reason.isEmpty()) {
      throw Invalid.field("reason", "is required");
    }
    if (reason.length() > CancellationPolicy.MAX_REASON_LENGTH) {
      throw Invalid.field("reason", "must be at most 500 characters");
    }
    OrderMutations.Result m = mutations.mutate(orderId, f -> policy.cancelByStaff(f, by, reason, clock.instant()));
    followUp.afterStaffChange(m.file().order(), by);
    return m.file();
  }
}
