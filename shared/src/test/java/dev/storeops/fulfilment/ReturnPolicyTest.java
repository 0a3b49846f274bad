package dev.storeops.fulfilment;

import static dev.storeops.fulfilment.PolicyFixtures.T0;
import static dev.storeops.fulfilment.PolicyFixtures.moved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockMovement;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Unprocessable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnPolicyTest {
  private final ReturnPolicy policy = new ReturnPolicy();

  /** 3 × TEA at 100.00 with a 1.00 discount on the line (net 299.00), cost 40.00 each; 1 × CUP at 50.00. */
  private static Order delivered() {
    OrderLine tea = new OrderLine("TEA", "Tea", 3, 10000, 30000, 100L, 12000L,
        List.of(new OrderLine.Cost("msk-1", 2, 4000L), new OrderLine.Cost("spb-1", 1, 4000L)));
    OrderLine cup = new OrderLine("CUP", "Cup", 1, 5000, 5000);
    Order o = new Order("ord_1", "261123-1", "cus_1", Channel.SITE, "customer", List.of(tea, cup), 35000, 0, 34900,
        "RUB", null, PaymentMethod.ONLINE_CARD, OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD),
        OrderLifecycle.created(PaymentMethod.ONLINE_CARD, T0, "customer"), "mgr-1", null, "h",
        List.of(new Reservation("TEA", "msk-1", 2), new Reservation("TEA", "spb-1", 1), new Reservation("CUP", "msk-1", 1)),
        T0, T0);
    return moved(o, OrderStatus.PAID, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
  }

  private static OrderFile file(Order o, List<Map<String, Object>> returns) {
    return new OrderFile(o, 5, 0, null, null, null, List.of(), List.of(), null, null, null, returns);
  }

  private static ReturnPolicy.Request request(ReturnPolicy.Line... lines) {
    return new ReturnPolicy.Request(List.of(lines), "defective");
  }

  private OrderChange decide(OrderFile f, ReturnPolicy.Request r, String key) {
    return policy.decide(f, r, key, "hash-" + key, RefundRoutePolicy.YOOKASSA, "wh-1", T0);
  }

  @Test
  void aPartialReturnRestocksOneLineAndWritesOffAnotherWithItsShareOfTheMoney() {
    OrderChange c = decide(file(delivered(), List.of()), request(new ReturnPolicy.Line("TEA", 2, "restock"),
        new ReturnPolicy.Line("CUP", 1, "writeOff")), "k1");
    Map<String, Object> r = c.returnAdded();
    assertEquals("RETURN#1", r.get("id"));
    // TEA: 29900 over 3 units → the first two give ⌊29900×2/3⌋ = 19933; CUP 5000
    assertEquals(19933L + 5000L, r.get("amountMinor"));
    assertEquals(8000L, r.get("costMinor"));
    assertEquals(Map.of("method", "yookassa", "amountMinor", 24933L, "status", "pending"), r.get("refund"));
    assertEquals(List.of(
        new OrderChange.StockReturn("TEA", "msk-1", 2, StockMovement.RETURN_TO_STOCK, "wh-1",
            "order 261123-1 return 1: 2 back on the shelf"),
        new OrderChange.StockReturn("CUP", "msk-1", 1, StockMovement.WRITE_OFF, "wh-1",
            "order 261123-1 return 1: 1 written off (came back unusable)")), c.stockReturns());
    assertEquals(OrderStatus.DELIVERED, c.after().status()); // a return is a record, not a status move
  }

  @Test
  void theLastUnitReturnedLaterGivesBackExactlyTheRestAndComesFromTheNextWarehouse() {
    Order o = delivered();
    Map<String, Object> first = decide(file(o, List.of()), request(new ReturnPolicy.Line("TEA", 2, "restock")), "k1")
        .returnAdded();
    OrderChange second = decide(file(o, List.of(first)), request(new ReturnPolicy.Line("TEA", 1, "restock")), "k2");
    assertEquals("RETURN#2", second.returnAdded().get("id"));
    assertEquals(29900L - 19933L, second.returnAdded().get("amountMinor"));
    assertEquals("spb-1", second.stockReturns().get(0).warehouse());
    Conflict over = assertThrows(Conflict.class, () -> decide(file(o, List.of(first, second.returnAdded())),
        request(new ReturnPolicy.Line("TEA", 1, "restock")), "k3"));
    assertEquals("return-exceeds-delivered", over.code());
    assertEquals("lines[0].qty", over.errors().get(0).field());
  }

  @Test
  void aRepeatWithTheSameKeyChangesNothingAndAnotherBodyUnderItIsRefused() {
    Order o = delivered();
    Map<String, Object> first = decide(file(o, List.of()), request(new ReturnPolicy.Line("TEA", 1, "restock")), "k1")
        .returnAdded();
    assertNull(decide(file(o, List.of(first)), request(new ReturnPolicy.Line("TEA", 1, "restock")), "k1"));
    assertThrows(Unprocessable.class, () -> policy.decide(file(o, List.of(first)),
        request(new ReturnPolicy.Line("CUP", 1, "restock")), "k1", "another-hash", RefundRoutePolicy.YOOKASSA, "wh-1", T0));
  }

  @Test
  void moreThanDeliveredIsAConflictNamingTheLine() {
    Conflict c = assertThrows(Conflict.class, () -> decide(file(delivered(), List.of()),
        request(new ReturnPolicy.Line("CUP", 2, "restock")), "k1"));
    assertEquals("lines[0].qty", c.errors().get(0).field());
  }

  @Test
  void badLinesAreNamed() {
    Invalid bad = assertThrows(Invalid.class, () -> decide(file(delivered(), List.of()), new ReturnPolicy.Request(
        List.of(new ReturnPolicy.Line("NOPE", 0, "burn"), new ReturnPolicy.Line("TEA", 1, "restock"),
            new ReturnPolicy.Line("TEA", 1, "restock")), " "), "k1"));
    List<String> fields = bad.errors().stream().map(e -> e.field()).toList();
    assertEquals(List.of("reason", "lines[0].sku", "lines[0].qty", "lines[0].disposition", "lines[2].sku"), fields);
  }

  @Test
  void onlyADeliveredOrderTakesAReturn() {
    Order shipped = moved(delivered().withManager("mgr-1", T0), new OrderStatus[0]);
    Order notYet = new Order(shipped.id(), shipped.number(), shipped.customerId(), shipped.channel(),
        shipped.createdBy(), shipped.lines(), shipped.itemsTotalMinor(), 0, shipped.totalMinor(), "RUB", null,
        PaymentMethod.ONLINE_CARD, OrderStatus.SHIPPED, shipped.statusHistory(), "mgr-1", null, "h",
        shipped.reservations(), T0, T0);
    Conflict c = assertThrows(Conflict.class, () -> decide(file(notYet, List.of()),
        request(new ReturnPolicy.Line("TEA", 1, "restock")), "k1"));
    assertEquals("not-returnable", c.code());
    assertEquals("status", c.errors().get(0).field());
  }

  @Test
  void aReturnOfNothingPaidNeedsNoRefund() {
    Order o = delivered();
    OrderLine free = new OrderLine("GIFT", "Gift", 1, 0, 0);
    Order withGift = new Order(o.id(), o.number(), o.customerId(), o.channel(), o.createdBy(),
        List.of(o.lines().get(0), o.lines().get(1), free), o.itemsTotalMinor(), 0, o.totalMinor(), "RUB", null,
        o.paymentMethod(), o.status(), o.statusHistory(), "mgr-1", null, "h",
        java.util.stream.Stream.concat(o.reservations().stream(), java.util.stream.Stream.of(new Reservation("GIFT",
            "msk-1", 1))).toList(), T0, T0);
    Map<String, Object> r = decide(file(withGift, List.of()), request(new ReturnPolicy.Line("GIFT", 1, "writeOff")),
        "k1").returnAdded();
    assertEquals(Map.of("method", "none", "amountMinor", 0L, "status", "none"), r.get("refund"));
  }

  @Test
  void refundsGoThroughTheProviderOnlyForACardPaymentItRecorded() {
    RefundRoutePolicy routes = new RefundRoutePolicy();
    Order o = delivered();
    OrderFile paid = new OrderFile(o, 5, 0, null, null, null,
        List.of(Map.of("type", "SUCCEEDED", "paymentId", "pay-1")), List.of(), null, null, null, List.of());
    assertEquals(RefundRoutePolicy.YOOKASSA, routes.route(paid, true));
    assertEquals(RefundRoutePolicy.OWNER_TASK, routes.route(paid, false)); // Robokassa or no provider
    assertEquals(RefundRoutePolicy.OWNER_TASK, routes.route(file(o, List.of()), true)); // no payment recorded
  }

  @Test
  void theProvidersNoticeOfAReturnsRefundRaisesNoFlagButAnUnknownRefundDoes() {
    Order o = delivered();
    OrderFile f = file(o, List.of(Map.of("id", "RETURN#1", "refund", Map.of("refundId", "rf-1", "status", "succeeded"))));
    PaymentEventPolicy payments = new PaymentEventPolicy();
    OrderChange ours = payments.decide(f, new PaymentEvent("yk-refund-rf-1", PaymentEvent.Type.REFUNDED, o.id(), "pay-1",
        19933, "RUB"), T0);
    assertEquals(PaymentEventPolicy.RETURN_REFUNDED, ours.payment().get("outcome"));
    assertNull(ours.flag());
    OrderChange other = payments.decide(f, new PaymentEvent("yk-refund-rf-2", PaymentEvent.Type.REFUNDED, o.id(),
        "pay-1", 34900, "RUB"), T0);
    assertEquals(PaymentEventPolicy.REFUNDED_AFTER_SHIPPING, other.payment().get("outcome"));
    assertEquals("payment pay-1 refunded after the order was DELIVERED", other.flag());
  }

  @Test
  void unitsOfAnOrderWithoutReservationsGoBackToItsPickupWarehouseOrAreRefused() {
    Order o = delivered();
    Order pickup = new Order(o.id(), o.number(), o.customerId(), o.channel(), o.createdBy(), o.lines(),
        o.itemsTotalMinor(), 0, o.totalMinor(), "RUB",
        new dev.storeops.catalog.Delivery("PICKUP", dev.storeops.catalog.DeliveryMethod.PICKUP, null, "Москва", null,
            "msk-2", 0), o.paymentMethod(), o.status(), o.statusHistory(), "mgr-1", null, "h", List.of(), T0, T0);
    OrderChange c = decide(file(pickup, List.of()), request(new ReturnPolicy.Line("CUP", 1, "restock")), "k1");
    assertEquals("msk-2", c.stockReturns().get(0).warehouse());
    Order nowhere = new Order(o.id(), o.number(), o.customerId(), o.channel(), o.createdBy(), o.lines(),
        o.itemsTotalMinor(), 0, o.totalMinor(), "RUB", null, o.paymentMethod(), o.status(), o.statusHistory(), "mgr-1",
        null, "h", List.of(), T0, T0);
    Unprocessable u = assertThrows(Unprocessable.class, () -> decide(file(nowhere, List.of()),
        request(new ReturnPolicy.Line("CUP", 1, "restock")), "k1"));
    assertEquals("return-warehouse-unknown", u.code());
  }
}
