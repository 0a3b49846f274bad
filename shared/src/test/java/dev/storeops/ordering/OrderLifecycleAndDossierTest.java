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

  @Test
  void dossierTotalsSkipCancelledOrdersInRevenue() {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    Order a = order("ord_a", PaymentMethod.ONLINE_CARD, 100_00, t0);
    Order b = order("ord_b", PaymentMethod.ONLINE_CARD, 250_50, t0.plusSeconds(86400));
    Order c = OrderLifecycle.transition(order("ord_c", PaymentMethod.BANK_TRANSFER, 999_00, t0.plusSeconds(172800)),
        OrderStatus.CANCELLED, t0.plusSeconds(172900), "rule", "PAYMENT_TIMEOUT");
    Customer customer = new Customer("cus_1", "a@example.com", "A", null, null, false, null, "ru", t0, null);
    Dossier d = Dossier.of(customer, null, List.of(a, c, b));
    assertEquals(List.of("ord_c", "ord_b", "ord_a"), d.orders().stream().map(o -> o.get("id")).toList());
    assertEquals(3, d.totals().orderCount());
    assertEquals(1, d.totals().cancelledCount());
    assertEquals(350_50, d.totals().revenueMinor());
    assertEquals(175_25, d.totals().averageCheckMinor());
    assertEquals(t0, d.totals().firstOrderAt());
    assertEquals(t0.plusSeconds(172800), d.totals().lastOrderAt());
    assertNull(Dossier.totals(List.of()).firstOrderAt());
  }
}
