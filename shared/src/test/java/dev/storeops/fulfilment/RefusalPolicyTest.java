package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.file;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static dev.storeops.fulfilment.PolicyFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.StockMovement;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Invalid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalPolicyTest {
  private final RefusalPolicy policy = new RefusalPolicy();
  private final Order shipped = moved(order(PaymentMethod.CASH_ON_DELIVERY), OrderStatus.CONFIRMED,
      OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED);

  private static OrderFile refusedFile(Order o, String reason) {
    return new OrderFile(o, 3, 0, null, null, null, List.of(), List.of(), null, null,
        Map.of("reason", reason, "by", "mgr-1", "source", "staff"), List.of());
  }

  @Test
  void aShippedParcelRefusedAtTheDoorTravelsBackWithItsReason() {
    OrderChange c = policy.refuse(file(shipped), RefusalPolicy.Reason.REFUSED, "mgr-1", RefusalPolicy.SOURCE_STAFF, T0);
    assertEquals(OrderStatus.RETURNING, c.after().status());
    assertEquals("parcel refused", c.added().get(0).reason());
    assertEquals("REFUSED", c.refusal().get("reason"));
    assertEquals("staff", c.refusal().get("source"));
    assertTrue(c.stockReturns().isEmpty()); // nothing is back on the shelf until the parcel arrives
    assertFalse(c.closesForManager());
    assertFalse(c.releasesStock());
    assertFalse(c.consumesStock());
  }

  @Test
  void refusingAgainChangesNothing() {
    Order returning = moved(shipped, OrderStatus.RETURNING);
    assertNull(policy.refuse(refusedFile(returning, "REFUSED"), RefusalPolicy.Reason.NOT_COLLECTED, "carrier:cdek",
        RefusalPolicy.SOURCE_CARRIER, T0));
    assertNull(policy.refuse(refusedFile(moved(returning, OrderStatus.RETURNED), "REFUSED"),
        RefusalPolicy.Reason.REFUSED, "mgr-1", RefusalPolicy.SOURCE_STAFF, T0));
  }

  @Test
  void onlyAShippedParcelCanBeRefused() {
    Order ready = moved(order(PaymentMethod.CASH_ON_DELIVERY), OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP);
    Conflict c = assertThrows(Conflict.class, () -> policy.refuse(file(ready), RefusalPolicy.Reason.REFUSED, "mgr-1",
        RefusalPolicy.SOURCE_STAFF, T0));
    assertEquals("illegal-transition", c.code());
    assertThrows(Conflict.class, () -> policy.refuse(file(moved(shipped, OrderStatus.DELIVERED)),
        RefusalPolicy.Reason.REFUSED, "mgr-1", RefusalPolicy.SOURCE_STAFF, T0));
  }

  @Test
  void theParcelBackRestocksEveryShippedUnitOnceAndClosesTheOrder() {
    Order returning = moved(shipped, OrderStatus.RETURNING);
    OrderChange c = policy.receive(refusedFile(returning, "NOT_COLLECTED"), "wh-1", T0);
    assertEquals(OrderStatus.RETURNED, c.after().status());
    assertEquals("returned: parcel not collected", c.added().get(0).reason());
    assertTrue(c.closesForManager());
    assertEquals(List.of(new OrderChange.StockReturn("A1", "msk-1", 2, StockMovement.RETURN_TO_STOCK, "wh-1",
        "order 261123-1 parcel not collected: 2 back on the shelf")), c.stockReturns());
    assertNull(policy.receive(refusedFile(moved(returning, OrderStatus.RETURNED), "REFUSED"), "wh-1", T0));
  }

  @Test
  void aParcelNotRefusedCannotBeReceivedBack() {
    assertThrows(Conflict.class, () -> policy.receive(file(shipped), "wh-1", T0));
  }

  @Test
  void theReasonIsRefusedOrNotCollected() {
    assertEquals(RefusalPolicy.Reason.NOT_COLLECTED, RefusalPolicy.Reason.parse(" not_collected ", "reason"));
    Invalid bad = assertThrows(Invalid.class, () -> RefusalPolicy.Reason.parse("lost", "reason"));
    assertEquals("reason", bad.errors().get(0).field());
    assertThrows(Invalid.class, () -> RefusalPolicy.Reason.parse(null, "reason"));
  }
}
