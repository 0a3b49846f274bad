package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.onIndex;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationPolicyTest {
  private final CancellationPolicy policy = new CancellationPolicy();
  private final Order cod = order(PaymentMethod.CASH_ON_DELIVERY);
  private final Order card = order(PaymentMethod.ONLINE_CARD);

  @Test
  void anyStateBeforeShippingCanBeCancelledAndReleasesStock() {
    for (Order o : List.of(cod, moved(cod, OrderStatus.CONFIRMED), card, moved(card, OrderStatus.PAID),
        moved(card, OrderStatus.PAID, OrderStatus.READY_TO_SHIP))) {
      OrderChange c = policy.cancelByStaff(file(o), "mgr-1", "customer asked", T0);
      assertEquals(OrderStatus.CANCELLED, c.after().status());
      assertEquals("customer asked", c.cancelReason());
      assertEquals("mgr-1", c.added().get(0).by());
      assertTrue(c.releasesStock());
      assertFalse(c.consumesStock());
      assertTrue(c.removesDue());
    }
  }

  @Test
  void aCancellationTakesTheOrderOffThePaymentDeadline() {
    OrderChange c = policy.cancelByStaff(onIndex(card, UnpaidPrepaymentPolicy.STAGE_REMIND, T0), "mgr-1", "x", T0);
    assertTrue(c.removesDue());
    assertNull(c.due());
  }

  @Test
  void cancellingACancelledOrderChangesNothing() {
    assertNull(policy.cancelByStaff(file(moved(cod, OrderStatus.CANCELLED)), "mgr-1", "again", T0));
  }

  @Test
  void aShippedOrDeliveredOrderCannotBeCancelled() {
    Order shipped = moved(card, OrderStatus.PAID, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED);
    assertThrows(Conflict.class, () -> policy.cancelByStaff(file(shipped), "mgr-1", "too late", T0));
    assertThrows(Conflict.class,
        () -> policy.cancelByStaff(file(moved(shipped, OrderStatus.DELIVERED)), "mgr-1", "too late", T0));
  }
}
