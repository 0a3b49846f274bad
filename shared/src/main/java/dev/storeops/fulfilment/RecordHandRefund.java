package dev.storeops.fulfilment;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import dev.storeops.staff.StaffTask;
import java.time.Clock;
import java.util.Optional;

/**
 * A refund task done: the owner gave the money back by hand, so the return's refund is recorded as made
 * ({@link HandRefundPolicy}) under the order's revision, and the customer gets the "refund made" notice
 * once (its refund id is the task id). Called by the tasks' done route for every completed task; any
 * other task, or a refund already marked, changes nothing — so a repeated done is harmless. The money
 * itself is counted once by the reports: the return's own marker sent it out of the cash on the day of the
 * return (docs/returns.md#reports), and this mark is not counted again.
 */
public final class RecordHandRefund {
  private static final Log LOG = Log.get(RecordHandRefund.class);
  private final OrderMutations mutations;
  private final HandRefundPolicy policy;
  private final RefundNotice notice;
  private final Clock clock;

  public RecordHandRefund(OrderMutations mutations, HandRefundPolicy policy, RefundNotice notice, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.notice = notice == null ? RefundNotice.NONE : notice;
    this.clock = clock;
  }

  /** @return the order as written when this call marked a refund made; empty when nothing changed */
  public Optional<OrderFile> taskDone(StaffTask task) {
    if (task == null || task.status() != StaffTask.Status.DONE) {
      return Optional.empty();
    }
    var target = policy.target(task.id(), task.kind(), task.orderId());
    if (target.isEmpty()) {
      return Optional.empty();
    }
    String by = task.doneBy() == null ? task.assigneeId() : task.doneBy();
    java.time.Instant at = task.doneAt() == null ? clock.instant() : task.doneAt();
    HandRefundPolicy.Mark[] mark = new HandRefundPolicy.Mark[1];
    OrderMutations.Result r;
    try {
      r = mutations.mutate(target.get().orderId(), f -> {
        mark[0] = policy.mark(f.returns(), target.get(), task.id(), by, at).orElse(null);
        return mark[0] == null ? null
            : new OrderChange(f, clock.instant()).returnReplaced(mark[0].index(), mark[0].returned());
      });
    } catch (NotFound e) {
      LOG.warn("refund task done for an order that is gone", "taskId", task.id());
      return Optional.empty();
    }
    if (r.change() == null || mark[0] == null) {
      return Optional.empty();
    }
    LOG.info("hand refund recorded", "orderId", target.get().orderId(), "return", target.get().n(),
        "amountMinor", mark[0].amountMinor());
    notice.refundMade(r.file().order(), mark[0].amountMinor(), task.id());
    return Optional.of(r.file());
  }
}
