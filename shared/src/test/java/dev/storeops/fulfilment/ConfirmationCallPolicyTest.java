package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static dev.storeops.fulfilment.PolicyFixtures.withNoAnswerCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.ConfirmationCallPolicy.CallOutcome;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmationCallPolicyTest {
  private final ConfirmationCallPolicy policy = ConfirmationCallPolicy.from(FlowSettings.defaults());
  private final Order cod = order(PaymentMethod.CASH_ON_DELIVERY);

  @Test
  void onlyANewCashOnDeliveryOrderNeedsACall() {
    assertTrue(policy.needsCall(cod));
    assertFalse(policy.needsCall(order(PaymentMethod.ONLINE_CARD)));
    assertFalse(policy.needsCall(moved(cod, OrderStatus.CONFIRMED)));
  }

  @Test
  void confirmedByPhoneIsReadyToShip() {
    OrderChange c = policy.decide(file(cod), "c1", "mgr-1", CallOutcome.CONFIRMED, null, T0);
    assertEquals(OrderStatus.READY_TO_SHIP, c.after().status());
    assertEquals(List.of(OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP),
        c.added().stream().map(s -> s.status()).toList());
    assertEquals("CONFIRMED", c.call().get("outcome"));
  }

  @Test
  void theThirdUnansweredCallCancelsUnreachable() {
    OrderChange second = policy.decide(withNoAnswerCalls(cod, 1), "c2", "mgr-1", CallOutcome.NO_ANSWER, null, T0);
    assertEquals(2, second.noAnswerCalls());
    assertEquals(OrderStatus.NEW, second.after().status());
    OrderChange third = policy.decide(withNoAnswerCalls(cod, 2), "c3", "mgr-1", CallOutcome.NO_ANSWER, null, T0);
    assertEquals(3, third.noAnswerCalls());
    assertEquals(OrderStatus.CANCELLED, third.after().status());
    assertEquals(ConfirmationCallPolicy.UNREACHABLE, third.cancelReason());
    assertEquals(ConfirmationCallPolicy.BY_UNREACHABLE, third.added().get(0).by());
    assertEquals("3 calls without an answer", third.added().get(0).reason());
    assertTrue(third.releasesStock());
  }

  @Test
  void unansweredCallsNeverCancelAnOrderPastNew() {
    Order awaiting = order(PaymentMethod.ONLINE_CARD);
    OrderChange c = policy.decide(withNoAnswerCalls(awaiting, 5), "c6", "mgr-1", CallOutcome.NO_ANSWER, null, T0);
    assertEquals(6, c.noAnswerCalls());
    assertEquals(OrderStatus.AWAITING_PAYMENT, c.after().status());
  }

  @Test
  void refusalCancelsWithTheCustomersReason() {
    OrderChange c = policy.decide(file(cod), "c1", "mgr-1", CallOutcome.REFUSED, "found it cheaper", T0);
    assertEquals(OrderStatus.CANCELLED, c.after().status());
    assertEquals(ConfirmationCallPolicy.REFUSED, c.cancelReason());
    assertEquals("refused by the customer: found it cheaper", c.added().get(0).reason());
    assertEquals("found it cheaper", c.call().get("reason"));
  }

  @Test
  void aCallLoggedBeforeChangesNothing() {
    OrderFile logged = new OrderFile(cod, 1, 0, null, null, null, List.of(),
        List.of(Map.of("id", "c1", "outcome", "NO_ANSWER")), null, null);
    assertNull(policy.decide(logged, "c1", "mgr-1", CallOutcome.CONFIRMED, null, T0));
  }

  @Test
  void noCallsAfterShipping() {
    Order shipped = moved(cod, OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED);
    assertThrows(Conflict.class,
        () -> policy.decide(file(shipped), "c1", "mgr-1", CallOutcome.REFUSED, "late", T0));
  }
}
