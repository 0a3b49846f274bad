package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandRefundPolicyTest {
  private final HandRefundPolicy policy = new HandRefundPolicy();
  private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

  private static Map<String, Object> returned(int n, String method, String status, long amount) {
    Map<String, Object> refund = new LinkedHashMap<>();
    refund.put("method", method);
    refund.put("amountMinor", amount);
    refund.put("status", status);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", "RETURN#" + n);
    r.put("n", n);
    r.put("amountMinor", amount);
    r.put("refund", refund);
    return r;
  }

  @Test
  void onlyARefundTaskOfAReturnOfItsOwnOrderHasATarget() {
    assertEquals(Optional.of(new HandRefundPolicy.Target("ord_1", 2)), policy.target("refund_ord_1_2", "refund", "ord_1"));
    assertEquals(Optional.empty(), policy.target("refund_ord_1_parcel", "refund", "ord_1"), "a refused parcel's task");
    assertEquals(Optional.empty(), policy.target("refund_ord_1_2", "MANUAL", "ord_1"), "a task by hand");
    assertEquals(Optional.empty(), policy.target("refund_ord_1_2", "refund", "ord_9"), "another order's id");
    assertEquals(Optional.empty(), policy.target("confirm-by-phone_ord_1", "refund", "ord_1"));
    assertEquals(Optional.empty(), policy.target("refund_ord_1_2", "refund", null));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRefundWaitingOnItsTaskIsMarkedMadeWithAmountWhoAndWhen() {
    List<Map<String, Object>> returns = List.of(returned(1, "yookassa", "succeeded", 10_00),
        returned(2, RefundRoutePolicy.OWNER_TASK, "task", 1234_00));
    var mark = policy.mark(returns, new HandRefundPolicy.Target("ord_1", 2), "refund_ord_1_2", "owner-anna", AT).orElseThrow();
    assertEquals(1, mark.index());
    assertEquals(1234_00, mark.amountMinor());
    Map<String, Object> refund = (Map<String, Object>) mark.returned().get("refund");
    assertEquals("made", refund.get("status"));
    assertEquals(1234_00L, refund.get("madeMinor"));
    assertEquals("owner-anna", refund.get("madeBy"));
    assertEquals(AT.toString(), refund.get("madeAt"));
    assertEquals("refund_ord_1_2", refund.get("taskId"));
    assertEquals(RefundRoutePolicy.OWNER_TASK, refund.get("method"));
    assertEquals("RETURN#2", mark.returned().get("id"), "the rest of the return stays");
  }

  @Test
  void aRefundAlreadyMadeOrNotATaskIsLeftAlone() {
    var target = new HandRefundPolicy.Target("ord_1", 1);
    assertTrue(policy.mark(List.of(returned(1, RefundRoutePolicy.OWNER_TASK, "made", 5_00)), target, "t", "o", AT).isEmpty(),
        "the first completion counts: completing again changes nothing");
    assertTrue(policy.mark(List.of(returned(1, "yookassa", "pending", 5_00)), target, "t", "o", AT).isEmpty());
    assertTrue(policy.mark(List.of(returned(1, "none", "none", 0)), target, "t", "o", AT).isEmpty());
    assertTrue(policy.mark(List.of(returned(2, RefundRoutePolicy.OWNER_TASK, "task", 5_00)), target, "t", "o", AT).isEmpty(),
        "no such return");
  }
}
