package dev.storeops.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storeops.catalog.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The customer's order view carries the payment link only while an online-card order awaits payment. */
class OrderPaymentLinkViewTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

  private static Order order(PaymentMethod method) {
    return new Order("ord_1", "261123-ABC123", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("TEA", "Чай", 1, 100_00, 100_00)), 100_00, 0, 100_00, "RUB", null, method,
        OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, AT, "customer"), null, null, "h",
        List.of(new Reservation("TEA", "msk-1", 1)), AT, AT);
  }

  @Test
  void anOnlineCardOrderAwaitingPaymentShowsItsPaymentLinkWithTheToken() {
    Map<String, Object> view = OrderViews.created(order(PaymentMethod.ONLINE_CARD), "tok+1");
    assertEquals("/payments/pay/ord_1?token=tok%2B1", view.get("paymentLink"));
  }

  @Test
  void otherOrdersAndRequestsWithoutTheTokenShowNone() {
    assertFalse(OrderViews.created(order(PaymentMethod.BANK_TRANSFER), "t").containsKey("paymentLink"));
    assertFalse(OrderViews.created(order(PaymentMethod.CASH_ON_DELIVERY), "t").containsKey("paymentLink"));
    Order card = order(PaymentMethod.ONLINE_CARD);
    assertFalse(OrderViews.withPaymentLink(OrderViews.customer(card), card, null).containsKey("paymentLink"));
  }
}
