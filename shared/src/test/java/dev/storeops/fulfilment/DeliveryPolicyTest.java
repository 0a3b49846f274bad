package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private final DeliveryPolicy policy = new DeliveryPolicy();
  private final Order shipped = moved(order(PaymentMethod.ONLINE_CARD), OrderStatus.PAID, OrderStatus.READY_TO_SHIP,
      OrderStatus.SHIPPED);

  @Test
  void aShippedOrderIsDelivered() {
    OrderChange c = policy.deliver(file(shipped), "mgr-1", T0);
    assertEquals(OrderStatus.DELIVERED, c.after().status());
    assertEquals("mgr-1", c.added().get(0).by());
  }

  @Test
  void deliveringAgainChangesNothing() {
    assertNull(policy.deliver(file(moved(shipped, OrderStatus.DELIVERED)), "mgr-1", T0));
  }

  @Test
  void onlyAShippedOrderIsDelivered() {
    assertThrows(Conflict.class,
        () -> policy.deliver(file(moved(order(PaymentMethod.ONLINE_CARD), OrderStatus.PAID, OrderStatus.READY_TO_SHIP)),
            "mgr-1", T0));
  }
}
