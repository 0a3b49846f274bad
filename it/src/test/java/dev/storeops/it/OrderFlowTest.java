package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.StatusChange;
import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.staff.StaffTask;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The payment and follow-up rules on DynamoDB Local with a clock the test moves (no sleeping). */
@WithAwsStack
class OrderFlowTest {

  private static PaymentEvent event(Order o, PaymentEvent.Type type, long amount, String currency) {
    return new PaymentEvent(FlowWorld.unique("evt"), type, o.id(), "pay_" + o.id().substring(4, 12), amount, currency);
  }

  private static List<OrderStatus> statuses(OrderFile f) {
    return f.order().statusHistory().stream().map(StatusChange::status).toList();
  }

  @Test
  void unpaidPrepaidOrderIsRemindedAfter3DaysAndCancelled2DaysLaterReleasingStockOnce(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(10);
    Order o = w.order(PaymentMethod.BANK_TRANSFER, sku, 3);
    OrderFlow flow = w.c.flow();
    flow.orderPlaced(o.id());
    flow.orderPlaced(o.id()); // order-events redelivered
    OrderFile placed = flow.get(o.id());
    assertEquals(OrderFlow.STAGE_REMIND, placed.paymentStage());
    assertEquals(FlowWorld.T0.plus(Duration.ofHours(72)), placed.paymentDueAt());
    assertEquals(1, placed.rev());

    w.clock.advance(Duration.ofHours(71).plusMinutes(59));
    flow.paymentTimeouts(200);
    assertEquals(OrderFlow.STAGE_REMIND, flow.get(o.id()).paymentStage());
    assertEquals(0, w.mailCount("payment-reminder", o.id()));

    w.clock.advance(Duration.ofMinutes(2)); // 72 h + 1 min
    flow.paymentTimeouts(200);
    flow.paymentTimeouts(200); // the schedule fired twice
    OrderFile reminded = flow.get(o.id());
    assertEquals(OrderStatus.AWAITING_PAYMENT, reminded.order().status());
    assertEquals(OrderFlow.STAGE_CANCEL, reminded.paymentStage());
    assertEquals(w.clock.instant().plus(Duration.ofHours(48)), reminded.paymentDueAt());
    assertEquals(1, w.mailCount("payment-reminder", o.id()));
    StaffTask call = w.c.taskStore().find("call-about-payment_" + o.id()).orElseThrow();
    assertEquals(w.manager, call.assigneeId());
    assertEquals(StaffTask.Status.OPEN, call.status());

    w.clock.advance(Duration.ofHours(47));
    flow.paymentTimeouts(200);
    assertEquals(OrderStatus.AWAITING_PAYMENT, flow.get(o.id()).order().status());
    assertEquals(3, w.stockOf(sku)[0]);

    w.clock.advance(Duration.ofHours(1).plusMinutes(1));
    flow.paymentTimeouts(200);
    flow.paymentTimeouts(200); // replayed
    OrderFile cancelled = flow.get(o.id());
    assertEquals(OrderStatus.CANCELLED, cancelled.order().status());
    StatusChange last = cancelled.order().statusHistory().get(cancelled.order().statusHistory().size() - 1);
    assertEquals("rule:payment-timeout", last.by());
    assertEquals(w.clock.instant(), last.at());
    assertNull(cancelled.paymentStage());
    assertNull(cancelled.dueSk());
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(10, w.stockOf(sku)[1]);
    assertEquals(1, w.mail.stream().filter(m -> m.dedupeKey().equals("order-cancelled#" + o.id())).count());
    assertEquals(StaffTask.Status.DONE, w.c.taskStore().find("call-about-payment_" + o.id()).orElseThrow().status());
    assertEquals(4, w.openOrdersOfManager());
  }

  @Test
  void paidOrderGoesToReadyToShipAndTheSameEventTwiceChangesNothing(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    Order o = w.order(PaymentMethod.ONLINE_CARD, w.stock(5), 2);
    OrderFlow flow = w.c.flow();
    flow.orderPlaced(o.id());
    PaymentEvent paid = event(o, PaymentEvent.Type.SUCCEEDED, o.totalMinor(), "RUB");
    ApplyPaymentEvent.Result first = flow.payment(paid);
    assertFalse(first.duplicate());
    assertEquals(OrderStatus.READY_TO_SHIP, first.status());
    OrderFile after = flow.get(o.id());
    assertEquals(List.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID, OrderStatus.READY_TO_SHIP), statuses(after));
    assertEquals("rule:paid-order-ships", after.order().statusHistory().get(2).by());
    assertNull(after.paymentStage());

    ApplyPaymentEvent.Result again = flow.payment(paid);
    assertTrue(again.duplicate());
    OrderFile replayed = flow.get(o.id());
    assertEquals(after.rev(), replayed.rev());
    assertEquals(1, replayed.payments().size());
    assertEquals(after.order().statusHistory(), replayed.order().statusHistory());
  }

  @Test
  void amountOrCurrencyMismatchFlagsTheOrderForStaffAndDoesNotMarkItPaid(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    Order o = w.order(PaymentMethod.ONLINE_CARD, w.stock(5), 1);
    OrderFlow flow = w.c.flow();
    PaymentEvent less = event(o, PaymentEvent.Type.SUCCEEDED, o.totalMinor() - 100, "RUB");
    assertEquals("MISMATCH", flow.payment(less).outcome());
    assertTrue(flow.payment(less).duplicate());
    PaymentEvent dollars = event(o, PaymentEvent.Type.SUCCEEDED, o.totalMinor(), "USD");
    assertEquals("MISMATCH", flow.payment(dollars).outcome());
    OrderFile f = flow.get(o.id());
    assertEquals(OrderStatus.AWAITING_PAYMENT, f.order().status());
    assertNotNull(f.flag());
    assertEquals(2, f.payments().size());
    StaffTask task = w.c.taskStore().find("payment-mismatch_" + less.eventId()).orElseThrow();
    assertEquals(w.manager, task.assigneeId());
    assertEquals(w.clock.instant().plus(Duration.ofMinutes(30)), task.dueAt());
    assertEquals(2, w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 100).stream()
        .filter(t -> o.id().equals(t.orderId())).count());
  }

  @Test
  void failedCardPaymentOpensAnUrgentCallTaskOnceAndRefundCancelsReleasingStockOnce(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(4);
    Order o = w.order(PaymentMethod.ONLINE_CARD, sku, 4);
    OrderFlow flow = w.c.flow();
    PaymentEvent failed = event(o, PaymentEvent.Type.FAILED, o.totalMinor(), "RUB");
    assertEquals("FAILED_CALL", flow.payment(failed).outcome());
    flow.payment(failed);
    assertEquals(1, w.c.tasks().list(w.manager, StaffTask.Status.OPEN, 100).stream()
        .filter(t -> t.kind().equals("payment-failed") && o.id().equals(t.orderId())).count());
    assertEquals(OrderStatus.AWAITING_PAYMENT, flow.get(o.id()).order().status());
    flow.orderPlaced(o.id()); // order-events after the failed attempt: the deadline still starts
    assertEquals(OrderFlow.STAGE_REMIND, flow.get(o.id()).paymentStage());

    PaymentEvent refunded = event(o, PaymentEvent.Type.REFUNDED, o.totalMinor(), "RUB");
    assertEquals(OrderStatus.CANCELLED, flow.payment(refunded).status());
    assertTrue(flow.payment(refunded).duplicate());
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(4, w.stockOf(sku)[1]);
    OrderFile f = flow.get(o.id());
    assertEquals(1, f.order().statusHistory().stream().filter(c -> c.status() == OrderStatus.CANCELLED).count());
    assertEquals("rule:refund", f.order().statusHistory().get(1).by());
    assertNull(f.paymentStage());
    assertEquals(2, f.payments().size());
    assertEquals(1, w.mail.stream().map(m -> m.dedupeKey()).filter(k -> k.equals("order-cancelled#" + o.id()))
        .distinct().count());
  }

  @Test
  void cashOnDeliveryThreeUnansweredCallsCancelUnreachable(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(2);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    OrderFlow flow = w.c.flow();
    flow.orderPlaced(o.id());
    flow.orderPlaced(o.id());
    StaffTask confirm = w.c.taskStore().find("confirm-by-phone_" + o.id()).orElseThrow();
    assertEquals(w.manager, confirm.assigneeId());
    assertNull(flow.get(o.id()).paymentStage());

    LogCall.Request noAnswer = new LogCall.Request("NO_ANSWER", null);
    flow.logCall(o.id(), w.manager, "call-1", noAnswer);
    flow.logCall(o.id(), w.manager, "call-1", noAnswer); // the same request repeated
    w.clock.advance(Duration.ofHours(3));
    assertEquals(OrderStatus.NEW, flow.logCall(o.id(), w.manager, "call-2", noAnswer).order().status());
    w.clock.advance(Duration.ofHours(3));
    OrderFile third = flow.logCall(o.id(), w.manager, "call-3", noAnswer);
    assertEquals(OrderStatus.CANCELLED, third.order().status());
    assertEquals(3, third.noAnswerCalls());
    assertEquals(3, third.calls().size());
    assertEquals("rule:unreachable", third.order().statusHistory().get(1).by());
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(2, w.stockOf(sku)[1]);
    assertEquals(StaffTask.Status.DONE, w.c.taskStore().find(confirm.id()).orElseThrow().status());
    assertEquals(409, Problems.of(assertThrows(DomainException.class,
        () -> flow.logCall(o.id(), w.manager, "call-4", noAnswer))).status());
  }

  @Test
  void confirmedCashOrderShipsAndIsDeliveredAndIllegalMovesAre409(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, w.stock(2), 1);
    OrderFlow flow = w.c.flow();
    assertEquals(409, Problems.of(assertThrows(DomainException.class, () -> flow.deliver(o.id(), w.manager))).status());
    assertEquals(400, Problems.of(assertThrows(DomainException.class, () -> flow.logCall(o.id(), w.manager, "c1",
        new LogCall.Request("REFUSED", " ")))).status());
    OrderFile confirmed = flow.logCall(o.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null));
    assertEquals(List.of(OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.READY_TO_SHIP), statuses(confirmed));
    assertEquals(400, Problems.of(assertThrows(DomainException.class, () -> flow.ship(o.id(), w.manager,
        new ShipOrder.Request("CDEK", null)))).status());
    OrderFile shipped = flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890"));
    assertEquals(OrderStatus.SHIPPED, shipped.order().status());
    assertEquals("1234567890", shipped.shipment().get("trackingNumber"));
    assertEquals(shipped.rev(), flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890")).rev());
    DomainException late = assertThrows(DomainException.class,
        () -> flow.cancel(o.id(), w.manager, new CancelOrder.Request("too late")));
    assertEquals(409, Problems.of(late).status());
    assertTrue(Problems.of(late).type().endsWith("illegal-transition"));
    OrderFile delivered = flow.deliver(o.id(), w.manager);
    assertEquals(OrderStatus.DELIVERED, delivered.order().status());
    assertEquals(delivered.rev(), flow.deliver(o.id(), w.manager).rev());
    assertEquals(4, w.openOrdersOfManager());
  }

  @Test
  void concurrentCancelPathsReleaseTheStockExactlyOnce(AwsStack stack) throws Exception {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(6);
    Order o = w.order(PaymentMethod.BANK_TRANSFER, sku, 6);
    OrderFlow flow = w.c.flow();
    flow.orderPlaced(o.id());
    w.clock.advance(Duration.ofHours(72 + 48 + 1));
    flow.paymentTimeouts(200); // reminder; the cancel is due 48 h later
    w.clock.advance(Duration.ofHours(49));
    List<Callable<Object>> paths = new ArrayList<>();
    paths.add(() -> flow.cancel(o.id(), "mgr-a", new CancelOrder.Request("customer asked")));
    paths.add(() -> flow.cancel(o.id(), "mgr-b", new CancelOrder.Request("duplicate order")));
    paths.add(() -> flow.logCall(o.id(), "mgr-c", "call-x", new LogCall.Request("REFUSED", "changed mind")));
    paths.add(() -> flow.payment(event(o, PaymentEvent.Type.REFUNDED, o.totalMinor(), "RUB")));
    paths.add(() -> flow.payment(event(o, PaymentEvent.Type.REFUNDED, o.totalMinor(), "RUB")));
    paths.add(() -> flow.paymentTimeouts(200));
    ExecutorService pool = Executors.newFixedThreadPool(paths.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (Callable<Object> p : paths) {
      results.add(pool.submit(() -> {
        start.await();
        return p.call();
      }));
    }
    start.countDown();
    for (int i = 0; i < results.size(); i++) {
      try {
        results.get(i).get(); // the losers see the order cancelled and change nothing
      } catch (java.util.concurrent.ExecutionException e) {
        // only a call logged after another path cancelled is refused: no calls on a closed order
        assertEquals(2, i, "path " + i + " failed: " + e.getCause());
        assertEquals(409, Problems.of((DomainException) e.getCause()).status());
      }
    }
    pool.shutdown();
    OrderFile f = flow.get(o.id());
    assertEquals(OrderStatus.CANCELLED, f.order().status());
    assertEquals(1, f.order().statusHistory().stream().filter(c -> c.status() == OrderStatus.CANCELLED).count());
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(6, w.stockOf(sku)[1]);
    assertEquals(4, w.openOrdersOfManager());
    flow.paymentTimeouts(200);
    flow.cancel(o.id(), "mgr-a", new CancelOrder.Request("again"));
    assertEquals(6, w.stockOf(sku)[1]);
    assertEquals(0, w.stockOf(sku)[0]);
  }
}
