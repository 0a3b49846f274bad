package dev.storeops.ordering;

import dev.storeops.catalog.Reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of states: the allowed ones move and are recorded, all others are refused. */
class OrderStateMachineTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED = Map.ofEntries(
      Map.entry(OrderStatus.RETURNING, EnumSet.of(OrderStatus.RETURNED)),
      Map.entry(OrderStatus.RETURNED, EnumSet.noneOf(OrderStatus.class)),
      Map.entry(OrderStatus.NEW, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED)),
      Map.entry(OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.READY_TO_SHIP, OrderStatus.CANCELLED)),
      Map.entry(OrderStatus.AWAITING_PAYMENT, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED)),
      Map.entry(OrderStatus.PAID, EnumSet.of(OrderStatus.READY_TO_SHIP, OrderStatus.CANCELLED)),
      Map.entry(OrderStatus.READY_TO_SHIP, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED)),
      Map.entry(OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED, OrderStatus.RETURNING)),
      Map.entry(OrderStatus.DELIVERED, EnumSet.noneOf(OrderStatus.class)),
      Map.entry(OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class)));

  private static Order in(OrderStatus status) {
    return new Order("ord_1", "261123-ABCDEF", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("A1", "A", 1, 100, 100)), 100, 0, 100, "RUB", null, PaymentMethod.BANK_TRANSFER, status,
        List.of(new StatusChange(T0, status, "test", "setup")), "mgr-1", null, "h",
        List.of(new Reservation("A1", "msk-1", 1)), T0, T0);
  }

  @Test
  void everyAllowedPairMovesAndIsRecorded() {
    int allowed = 0;
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : EXPECTED.get(from)) {
        Instant at = T0.plusSeconds(60);
        Order moved = OrderLifecycle.transition(in(from), to, at, "rule:test", "because");
        assertEquals(to, moved.status());
        assertEquals(at, moved.updatedAt());
        assertEquals(new StatusChange(at, to, "rule:test", "because"), moved.statusHistory().get(1));
        allowed++;
      }
    }
    assertEquals(13, allowed);
  }

  @Test
  void everyOtherPairIsRefused() {
    int refused = 0;
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        if (EXPECTED.get(from).contains(to)) {
          continue;
        }
        OrderStatus f = from;
        OrderStatus t = to;
        var e = assertThrows(OrderLifecycle.IllegalTransitionException.class,
            () -> OrderLifecycle.transition(in(f), t, T0, "x", "y"));
        assertEquals(from, e.from());
        assertEquals(to, e.to());
        refused++;
      }
    }
    assertEquals(100 - 13, refused);
  }

  @Test
  void nothingLeavesAFinalStateAndCancelIsPossibleUntilShipped() {
    for (OrderStatus s : OrderStatus.values()) {
      boolean beforeShipping = EnumSet.of(OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.AWAITING_PAYMENT,
          OrderStatus.PAID, OrderStatus.READY_TO_SHIP).contains(s);
      assertEquals(beforeShipping, OrderLifecycle.allowed(s, OrderStatus.CANCELLED), s.name());
      assertEquals(EXPECTED.get(s), OrderLifecycle.next(s));
    }
  }
}
