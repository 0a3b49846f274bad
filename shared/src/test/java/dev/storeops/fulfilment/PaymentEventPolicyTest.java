package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.onIndex;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentEventPolicyTest {
  private final PaymentEventPolicy policy = new PaymentEventPolicy();
  private final Order card = order(PaymentMethod.ONLINE_CARD);

  private static PaymentEvent event(PaymentEvent.Type type, long amount, String currency) {
    return new PaymentEvent("evt_1", type, "ord_1", "pay_1", amount, currency);
  }

  @Test
  void theExactTotalPaysAndTheOrderShipsWithoutACall() {
    OrderChange c = policy.decide(onIndex(card, UnpaidPrepaymentPolicy.STAGE_REMIND, T0),
        event(PaymentEvent.Type.SUCCEEDED, 1000, "RUB"), T0);
    assertEquals(PaymentEventPolicy.PAID, c.payment().get("outcome"));
    assertEquals(List.of(OrderStatus.PAID, OrderStatus.READY_TO_SHIP), c.added().stream().map(s -> s.status()).toList());
    assertEquals(PaymentEventPolicy.BY, c.added().get(0).by());
    assertEquals(PaidOrderShipsPolicy.BY, c.added().get(1).by());
    assertTrue(c.removesDue());
    assertEquals("evt_1", c.claimEventId());
  }

  @Test
  void aDifferentAmountOrCurrencyIsFlaggedAndMovesNothing() {
    for (PaymentEvent e : List.of(event(PaymentEvent.Type.SUCCEEDED, 999, "RUB"),
        event(PaymentEvent.Type.SUCCEEDED, 1000, "EUR"))) {
      OrderChange c = policy.decide(file(card), e, T0);
      assertEquals(PaymentEventPolicy.MISMATCH, c.payment().get("outcome"));
      assertNotNull(c.flag());
      assertEquals(OrderStatus.AWAITING_PAYMENT, c.after().status());
    }
  }

  @Test
  void aPaymentInAnotherStateIsFlaggedUnexpected() {
    OrderChange c = policy.decide(file(order(PaymentMethod.CASH_ON_DELIVERY)),
        event(PaymentEvent.Type.SUCCEEDED, 1000, "RUB"), T0);
    assertEquals(PaymentEventPolicy.UNEXPECTED, c.payment().get("outcome"));
    assertEquals("payment pay_1 arrived while the order was NEW", c.flag());
  }

  @Test
  void aFailedCardPaymentCallsForACallOtherFailuresAreOnlyRecorded() {
    assertEquals(PaymentEventPolicy.FAILED_CALL,
        policy.decide(file(card), event(PaymentEvent.Type.FAILED, 1000, "RUB"), T0).payment().get("outcome"));
    OrderChange transfer = policy.decide(file(order(PaymentMethod.BANK_TRANSFER)),
        event(PaymentEvent.Type.FAILED, 1000, "RUB"), T0);
    assertEquals(PaymentEventPolicy.FAILED, transfer.payment().get("outcome"));
    assertNull(transfer.flag());
    assertEquals(OrderStatus.AWAITING_PAYMENT, transfer.after().status());
  }

  @Test
  void aRefundBeforeShippingCancelsAndReleasesStock() {
    OrderChange c = policy.decide(file(card), event(PaymentEvent.Type.REFUNDED, 1000, "RUB"), T0);
    assertEquals(PaymentEventPolicy.REFUNDED_CANCELLED, c.payment().get("outcome"));
    assertEquals(OrderStatus.CANCELLED, c.after().status());
    assertEquals(PaymentEventPolicy.REFUND_REASON, c.cancelReason());
    assertEquals(PaymentEventPolicy.BY_REFUND, c.added().get(0).by());
    assertTrue(c.releasesStock());
  }

  @Test
  void aRefundOfACancelledOrderIsRecordedAfterShippingFlagged() {
    assertEquals(PaymentEventPolicy.REFUNDED, policy.decide(file(moved(card, OrderStatus.CANCELLED)),
        event(PaymentEvent.Type.REFUNDED, 1000, "RUB"), T0).payment().get("outcome"));
    Order shipped = moved(card, OrderStatus.PAID, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED);
    OrderChange c = policy.decide(file(shipped), event(PaymentEvent.Type.REFUNDED, 1000, "RUB"), T0);
    assertEquals(PaymentEventPolicy.REFUNDED_AFTER_SHIPPING, c.payment().get("outcome"));
    assertEquals(OrderStatus.SHIPPED, c.after().status());
    assertNotNull(c.flag());
  }
}
