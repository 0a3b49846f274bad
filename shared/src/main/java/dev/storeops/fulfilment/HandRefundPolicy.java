package dev.storeops.fulfilment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the owner has refunded a return by hand (docs/returns.md#refund): completing the owner's refund
 * task {@code refund_<orderId>_<n>} (kind {@code refund}, opened by {@link RegisterReturn} when no payment
 * adapter could refund) marks the refund of {@code RETURN#<n>} as made — {@code status: made}, the amount,
 * who completed the task and when. Only a refund waiting on its task ({@code method: owner-task},
 * {@code status: task}) is marked; one already made stays as it was (the first completion counts), so the
 * mark is idempotent. Decides only; no I/O.
 */
public final class HandRefundPolicy {
  /** The status of a refund the owner made by hand. */
  public static final String MADE = "made";
  private static final Pattern TASK_ID = Pattern.compile("refund_(.+)_(\\d+)");

  /** The return a task refunds: its order and number. */
  public record Target(String orderId, int n) {}

  /** The refund to write on the return at {@code index}. */
  public record Mark(int index, Map<String, Object> returned, long amountMinor, String taskId) {}

  /** The return whose refund a completed task of this kind and id stands for; empty for any other task. */
  public Optional<Target> target(String taskId, String kind, String orderId) {
    if (taskId == null || !"refund".equals(kind) || orderId == null) {
      return Optional.empty();
    }
    Matcher m = TASK_ID.matcher(taskId);
    if (!m.matches() || !m.group(1).equals(orderId)) {
      return Optional.empty(); // e.g. refund_<orderId>_parcel: a refused parcel's refund, not a return's
    }
    return Optional.of(new Target(orderId, Integer.parseInt(m.group(2))));
  }

  /**
   * The mark for the order's return {@code target.n}, or empty when nothing changes: no such return, its
   * refund not a task (a provider refund, nothing to give back) or already made.
   */
  @SuppressWarnings("unchecked")
  public Optional<Mark> mark(List<Map<String, Object>> returns, Target target, String taskId, String by, Instant at) {
    for (int i = 0; i < returns.size(); i++) {
      Map<String, Object> r = returns.get(i);
      if (!(r.get("n") instanceof Number n) || n.intValue() != target.n()) {
        continue;
      }
      Map<String, Object> refund = (Map<String, Object>) r.get("refund");
      if (refund == null || !RefundRoutePolicy.OWNER_TASK.equals(refund.get("method"))
          || !"task".equals(refund.get("status"))) {
        return Optional.empty();
      }
      long amount = ((Number) refund.get("amountMinor")).longValue();
      Map<String, Object> made = new LinkedHashMap<>(refund);
      made.put("status", MADE);
      made.put("madeMinor", amount);
      made.put("madeBy", by);
      made.put("madeAt", at.toString());
      made.put("taskId", taskId);
      Map<String, Object> replaced = new LinkedHashMap<>(r);
      replaced.put("refund", made);
      return Optional.of(new Mark(i, replaced, amount, taskId));
    }
    return Optional.empty();
  }
}
