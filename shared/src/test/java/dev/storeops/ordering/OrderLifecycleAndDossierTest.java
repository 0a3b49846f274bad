package dev.storeops.ordering;

import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.catalog.Reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.customers.Customer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecycleAndDossierTest {
  private static Order order(String id, PaymentMethod method, long total, Instant at) {
    return new Order(id, "261123-AAAAAA", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("A", "A", 1, total, total)), total, 0, total, "RUB",
        new Delivery("PICKUP", DeliveryMethod.PICKUP, "shop", "Москва", null, "msk-1", 0), method,
        OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, at, "customer"), null, null, "h",
        List.of(new Reservation("A", "msk-1", 1)), at, at);
  }

  @Test
  void prepaidOrdersAwaitPaymentCashOnDeliveryIsNew() {
    assertEquals(OrderStatus.AWAITING_PAYMENT, OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD));
    assertEquals(OrderStatus.AWAITING_PAYMENT, OrderLifecycle.initialStatus(PaymentMethod.BANK_TRANSFER));
    assertEquals(OrderStatus.NEW, OrderLifecycle.initialStatus(PaymentMethod.CASH_ON_DELIVERY));
  }

  @Test
  void transitionsAreRecordedAndFinalStatesStay() {
    Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
    Order o = order("ord_1", PaymentMethod.CASH_ON_DELIVERY, 100, t0);
    Order cancelled = OrderLifecycle.transition(o, OrderStatus.CANCELLED, t0.plusSeconds(60), "mgr-1", "REFUSED");
    assertEquals(2, cancelled.statusHistory().size());
    assertEquals(new StatusChange(t0.plusSeconds(60), OrderStatus.CANCELLED, "mgr-1", "REFUSED"),
        cancelled.statusHistory().get(1));
    assertThrows(OrderLifecycle.IllegalTransitionException.class,
        () -> OrderLifecycle.transition(cancelled, OrderStatus.PAID, t0, "x", null));
  }

  private static Order move(Order o, Instant at, OrderStatus... path) {
    Order moved = o;
    for (OrderStatus to : path) {
      at = at.plusSeconds(60);
      moved = OrderLifecycle.transition(moved, to, at, "rule", null);
    }
    return moved;
  }

  @Test
  void dossierTotalsCountOnlyMoneyReceivedNetOfRefunds() {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    Order paid = move(order("ord_a", PaymentMethod.ONLINE_CARD, 100_00, t0), t0, OrderStatus.PAID);
    Order delivered = move(order("ord_b", PaymentMethod.CASH_ON_DELIVERY, 250_50, t0.plusSeconds(86400)),
        t0.plusSeconds(86400), OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED,
        OrderStatus.DELIVERED);
    Order cancelled = OrderLifecycle.transition(order("ord_c", PaymentMethod.BANK_TRANSFER, 999_00,
        t0.plusSeconds(172800)), OrderStatus.CANCELLED, t0.plusSeconds(172900), "rule", "PAYMENT_TIMEOUT");
    Order awaiting = order("ord_d", PaymentMethod.BANK_TRANSFER, 500_00, t0.plusSeconds(3600));
    Customer customer = new Customer("cus_1", "a@example.com", "A", null, null, false, null, "ru", t0, null);
    Dossier d = Dossier.of(customer, null, List.of(paid, cancelled, delivered, awaiting));
    assertEquals(List.of("ord_c", "ord_b", "ord_d", "ord_a"), d.orders().stream().map(o -> o.get("id")).toList());
    assertEquals(4, d.totals().orderCount());
    assertEquals(1, d.totals().cancelledCount());
    assertEquals(2, d.totals().paidCount());
    assertEquals(350_50, d.totals().revenueMinor(), "the order still awaiting payment brought nothing in");
    assertEquals(175_25, d.totals().averageCheckMinor());
    assertEquals(t0, d.totals().firstOrderAt());
    assertEquals(t0.plusSeconds(172800), d.totals().lastOrderAt());
    assertNull(Dossier.totals(List.of()).firstOrderAt());
  }

  @Test
  void aRefusedCashOnDeliveryParcelIsNoRevenueAndIsCountedApart() {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    Order delivered = move(order("ord_a", PaymentMethod.CASH_ON_DELIVERY, 100_00, t0), t0, OrderStatus.CONFIRMED,
        OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    Order refusedOnTheWay = move(order("ord_b", PaymentMethod.CASH_ON_DELIVERY, 300_00, t0), t0,
        OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.RETURNING);
    Order refusedBack = move(order("ord_c", PaymentMethod.CASH_ON_DELIVERY, 700_00, t0), t0,
        OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.RETURNING,
        OrderStatus.RETURNED);
    Dossier.Totals t = Dossier.totals(List.of(delivered, refusedOnTheWay, refusedBack));
    assertEquals(100_00, t.revenueMinor(), "a refused COD parcel was never paid");
    assertEquals(100_00, t.receivedMinor());
    assertEquals(2, t.refusedCount());
    assertEquals(0, t.cancelledCount());
    assertEquals(1, t.paidCount());
    assertEquals(100_00, t.averageCheckMinor());
  }

  @Test
  void refundsComeOffWhetherMadeOrStillOwedAndAreShownApart() {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    Order paidRefused = move(order("ord_a", PaymentMethod.ONLINE_CARD, 400_00, t0), t0, OrderStatus.PAID,
        OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.RETURNING);
    Order paidBack = move(order("ord_b", PaymentMethod.ONLINE_CARD, 200_00, t0), t0, OrderStatus.PAID,
        OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.RETURNING, OrderStatus.RETURNED);
    Order returnedTwice = move(order("ord_c", PaymentMethod.CASH_ON_DELIVERY, 1000_00, t0), t0,
        OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    var returns = List.of(new ReceivedMoneyPolicy.ReturnRefund(300_00, "made"),
        new ReceivedMoneyPolicy.ReturnRefund(100_00, "task"), new ReceivedMoneyPolicy.ReturnRefund(50_00, "canceled"));
    Dossier.Totals t = Dossier.totalsOf(List.of(new OrderStore.CustomerOrder(paidRefused, List.of()),
        new OrderStore.CustomerOrder(paidBack, List.of()), new OrderStore.CustomerOrder(returnedTwice, returns)));
    assertEquals(1600_00, t.receivedMinor());
    assertEquals(200_00 + 300_00, t.refundedMinor(), "the refused parcel back and the hand refund made");
    assertEquals(400_00 + 100_00, t.refundsOwedMinor(), "the paid parcel on its way back and the open refund task");
    assertEquals(1600_00 - 500_00 - 500_00, t.revenueMinor());
    assertEquals(2, t.refusedCount());
    assertEquals(1, t.returnedCount());
    assertEquals(1, t.paidCount());
  }

  @Test
  void theReceivedMoneyRuleFollowsThePaymentMethod() {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    Order codShipped = move(order("ord_a", PaymentMethod.CASH_ON_DELIVERY, 100_00, t0), t0, OrderStatus.CONFIRMED,
        OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED);
    assertEquals(new ReceivedMoneyPolicy.Money(0, 0, 0), ReceivedMoneyPolicy.of(codShipped, List.of()),
        "cash on delivery comes in at DELIVERED only");
    Order paidCancelled = move(order("ord_b", PaymentMethod.ONLINE_CARD, 100_00, t0), t0, OrderStatus.PAID,
        OrderStatus.CANCELLED);
    assertEquals(new ReceivedMoneyPolicy.Money(100_00, 100_00, 0), ReceivedMoneyPolicy.of(paidCancelled, List.of()));
    assertEquals(0, ReceivedMoneyPolicy.of(paidCancelled, List.of()).keptMinor());
    Order paid = move(order("ord_c", PaymentMethod.BANK_TRANSFER, 100_00, t0), t0, OrderStatus.PAID);
    assertEquals(new ReceivedMoneyPolicy.Money(100_00, 40_00, 10_00), ReceivedMoneyPolicy.of(paid,
        List.of(new ReceivedMoneyPolicy.ReturnRefund(40_00, "succeeded"),
            new ReceivedMoneyPolicy.ReturnRefund(10_00, "pending"), new ReceivedMoneyPolicy.ReturnRefund(5_00, "none"))));
  }
}
