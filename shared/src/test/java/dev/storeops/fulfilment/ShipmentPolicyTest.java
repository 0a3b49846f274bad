package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentPolicyTest {
  private final ShipmentPolicy policy = new ShipmentPolicy();
  private final Order ready = moved(order(PaymentMethod.ONLINE_CARD), OrderStatus.PAID, OrderStatus.READY_TO_SHIP);

  @Test
  void aReadyOrderShipsWithCarrierAndTracking() {
    OrderChange c = policy.ship(file(ready), "mgr-1", "CDEK", "1234567890", T0);
    assertEquals(OrderStatus.SHIPPED, c.after().status());
    assertEquals("CDEK", c.shipment().get("carrier"));
    assertEquals("1234567890", c.shipment().get("trackingNumber"));
    assertEquals("shipped with CDEK, tracking 1234567890", c.added().get(0).reason());
    assertTrue(c.consumesStock()); // the reserved units leave the warehouse in the same write
    assertFalse(c.releasesStock());
  }

  @Test
  void shippingAgainWithTheSameTrackingChangesNothing() {
    Order shipped = moved(ready, OrderStatus.SHIPPED);
    OrderFile f = new OrderFile(shipped, 4, 0, null, null, null, List.of(), List.of(), null,
        Map.of("carrier", "CDEK", "trackingNumber", "1234567890"));
    assertNull(policy.ship(f, "mgr-1", "CDEK", "1234567890", T0));
    assertThrows(Conflict.class, () -> policy.ship(f, "mgr-1", "CDEK", "other", T0));
  }

  @Test
  void onlyAReadyOrderShips() {
    assertThrows(Conflict.class,
        () -> policy.ship(file(order(PaymentMethod.CASH_ON_DELIVERY)), "mgr-1", "CDEK", "1", T0));
    assertNotNull(policy.ship(file(ready), "mgr-1", "CDEK", "1", T0));
  }
}
