package dev.storeops.sim.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every invariant holds on a healthy shop and fails on a deliberately broken one, naming what broke
 * (so a green simulation means something: each check can fail).
 */
class InvariantsTest {

  private static void holds(Invariant i, States s) {
    assertEquals(List.of(), i.check(s.state()), i.name() + " on a healthy shop");
  }

  private static void breaks(Invariant i, States s, String expected) {
    List<String> found = i.check(s.state());
    assertTrue(found.stream().anyMatch(f -> f.contains(expected)), i.name() + " should report '" + expected + "': " + found);
  }

  @Test
  void promoUses() {
    PromoUsesInvariant promo = new PromoUsesInvariant();
    holds(promo, States.healthy());
    States lost = States.healthy(); // a cancellation that did not give its use back
    lost.promos.set(0, new ShopState.Promo("SIMWEEK", 2L, 2));
    breaks(promo, lost, "promo SIMWEEK: uses 2 but 1 orders not cancelled used it");
    States over = States.healthy();
    over.promos.set(0, new ShopState.Promo("SIMWEEK", 1L, 2));
    over.money.add(new ShopState.OrderMoney("ord_3", 1000, 1000, 100, 100, 0, 900, "SIMWEEK"));
    over.orders.add(States.withStatus(over.orders.get(1), "DELIVERED", over.orders.get(1).history()));
    breaks(promo, over, "uses 2 above its limit 1");
    States unknown = States.healthy();
    unknown.promos.clear();
    breaks(promo, unknown, "orders used promo SIMWEEK but no such code is stored");
  }

  @Test
  void orderMoney() {
    OrderMoneyInvariant money = new OrderMoneyInvariant();
    holds(money, States.healthy());
    States wrongTotal = States.healthy(); // delivery left out of the total
    wrongTotal.money.set(1, new ShopState.OrderMoney("ord_2", 1200, 1200, 0, 0, 300, 1200, null));
    breaks(money, wrongTotal, "ord_2: items 1200 − discount 0 + delivery 300 ≠ total 1200");
    States lines = States.healthy();
    lines.money.set(0, new ShopState.OrderMoney("ord_1", 2600, 2700, 270, 260, 570, 3000, "SIMWEEK"));
    breaks(money, lines, "ord_1: lines add up to 2600 but itemsTotalMinor is 2700");
    breaks(money, lines, "the lines' discounts add up to 260 but the promo's is 270");
    States cost = States.healthy();
    cost.money.set(1, new ShopState.OrderMoney("ord_2", 1200, 1200, 0, 0, 300, 1500, null,
        List.of(new ShopState.LineCost("TEA", 1, 700L, 1, 600L))));
    breaks(money, cost, "line TEA of 1 costs 700 but its costs[] add up to 1 units, 600");
    States uncounted = States.healthy(); // a payment the cash report never saw
    uncounted.cashIn.remove("ord_1");
    uncounted.cashInMinor = 1500;
    breaks(money, uncounted, "ord_1: cash in should be 3000 but the cash report counted nothing");
    States days = States.healthy();
    days.cashInMinor = 6000;
    breaks(money, days, "cash report: in 6000, refunds 0; the orders' cash markers say 4500, 0");
    // a prepaid order whose refused parcel came back (RETURNED): its money goes back on that day
    // (docs/returns.md), on the same refund marker as a cancellation — found by the month bench, seed 2026
    States refused = States.healthy();
    refused.replaceOrder("ord_1", o -> States.withStatus(o, "RETURNED", java.util.stream.Stream.concat(
        o.history().stream(), java.util.stream.Stream.of(States.change("2026-03-05T09:00:00Z", "SHIPPED", "mgr-1"),
            States.change("2026-03-05T10:00:00Z", "RETURNING", "owner"),
            States.change("2026-03-05T11:00:00Z", "RETURNED", "warehouse"))).toList()));
    refused.refunds.put("ord_1", 3000L);
    refused.cashRefundsMinor = 3000;
    holds(money, refused);
    States refundMissing = States.healthy();
    refundMissing.replaceOrder("ord_1", o -> refused.orders.get(0));
    breaks(money, refundMissing, "ord_1: refund should be 3000 but the cash report counted nothing");
    States refusedCod = States.healthy(); // a refused cash-on-delivery parcel never brought money in: no refund
    refusedCod.refunds.put("ord_2", 1500L);
    refusedCod.cashRefundsMinor = 1500;
    breaks(money, refusedCod, "ord_2: the cash report counted a refund of 1500 the order does not have");
  }

  @Test
  void stockLedger() {
    StockLedgerInvariant ledger = new StockLedgerInvariant();
    holds(ledger, States.healthy());

    States wrongAvailable = States.healthy();
    wrongAvailable.stock.set(0, new ShopState.Stock("TEA", "msk-1", 10, 3, 9));
    breaks(ledger, wrongAvailable, "available 9 but max(0, onHand 10 − reserved 3) = 7");

    States drift = States.healthy(); // shipping that never consumed: reserved only grows
    drift.stock.set(0, new ShopState.Stock("TEA", "msk-1", 10, 5, 5));
    breaks(ledger, drift, "reserved 5 but the open holds (orders holding stock, pending moves) are 3");

    States negative = States.healthy();
    negative.stock.set(0, new ShopState.Stock("TEA", "msk-1", -1, 3, 0));
    breaks(ledger, negative, "negative");

    States oversold = States.healthy(); // a cancel that released more than is on hand
    oversold.stock.set(0, new ShopState.Stock("TEA", "msk-1", 2, 3, 5));
    breaks(ledger, oversold, "available 5 but max(0, onHand 2 − reserved 3) = 0");

    States missing = States.healthy();
    missing.stock.clear();
    breaks(ledger, missing, "no stock item");
  }

  @Test
  void reservationHolds() {
    ReservationHoldsInvariant holdsCheck = new ReservationHoldsInvariant();
    holds(holdsCheck, States.healthy());
    States none = States.healthy();
    none.holds.clear();
    breaks(holdsCheck, none, "TEA/msk-1/ord_1: the order holds 3 but its hold item says null");
    States stale = States.healthy();
    stale.holds.add(new ShopState.Hold("TEA", "msk-1", "ord_2", 1));
    breaks(holdsCheck, stale, "hold of 1 for an order that holds no stock there");
    assertEquals("holds", holdsCheck.pendingOn());
  }

  @Test
  void aLargeOrdersPendingIntakeIsAnOpenHoldUntilTheSweepersDeadline() {
    StockLedgerInvariant ledger = new StockLedgerInvariant();
    ReservationHoldsInvariant holdsCheck = new ReservationHoldsInvariant();
    PendingStockMovesInvariant finished = new PendingStockMovesInvariant();
    // between the intake's transactions (or after a crash there, before the sweep): all three hold
    States between = States.withPendingIntake(States.NOW.plusSeconds(60));
    holds(ledger, between);
    holds(holdsCheck, between);
    holds(finished, between);
    States barelyDue = States.withPendingIntake(States.NOW.minus(PendingStockMovesInvariant.DEADLINE));
    holds(finished, barelyDue);

    // the intake's rows counted as the orders' only: reserved is more than the open holds
    States uncounted = States.withPendingIntake(States.NOW);
    uncounted.pendingMoves.clear();
    breaks(ledger, uncounted, "TEA/msk-1: reserved 5 but the open holds (orders holding stock, pending moves) are 3");
    breaks(holdsCheck, uncounted, "TEA/msk-1/ord_big: hold of 2 for an order that holds no stock there");

    // a listed row whose hold was ended (or never written): the listed quantity has no hold
    States noHold = States.withPendingIntake(States.NOW);
    noHold.holds.removeIf(h -> h.orderId().equals("ord_big") && h.sku().equals("CUP"));
    breaks(holdsCheck, noHold, "CUP/spb-1/ord_big: the order holds 1 but its hold item says null");

    // a refused or crashed intake the sweeper never released: units reserved for an order never placed
    States stale = States.withPendingIntake(States.NOW.minus(PendingStockMovesInvariant.DEADLINE).minusSeconds(1));
    breaks(finished, stale, "intake of order ord_big (ANNOUNCE, pending): 2 row(s), 3 unit(s) held");
    breaks(finished, stale, "past the sweeper's deadline (60 min after due) without its order");

    // the order stored while its intake still lists rows (its transaction must clear them: all lines or none)
    States both = States.withPendingIntake(States.NOW.plusSeconds(60));
    both.orders.add(new ShopState.OrderRow("ord_big", "cus_3", "CANCELLED", "ONLINE_CARD", 100, States.NOW, null,
        List.of(), List.of(), List.of(), false, Set.of()));
    breaks(finished, both, "still listed as pending but the order is stored");

    // listed but off the due index: nobody would ever release them
    States offIndex = States.withPendingIntake(null);
    breaks(finished, offIndex, "not on the due index");

    // a shipped large order whose last moves are still listed: its holds are open, counted, until the deadline
    States shipping = States.withPendingIntake(States.NOW);
    shipping.pendingMoves.set(0, new ShopState.PendingMoves("ord_big", "STOCKMOVES#3", "draining", "consume",
        States.NOW.minus(Duration.ofHours(2)), shipping.pendingMoves.get(0).rows()));
    holds(ledger, shipping);
    holds(holdsCheck, shipping);
    breaks(finished, shipping, "moves (consume) of order ord_big (STOCKMOVES#3, draining)");
  }

  @Test
  void shortOrdersFlagged() {
    ShortOrdersFlaggedInvariant shortCheck = new ShortOrdersFlaggedInvariant();
    holds(shortCheck, States.healthy());
    States cut = States.healthy(); // the supplier now has 2, the order holds 3
    cut.stock.set(0, new ShopState.Stock("TEA", "msk-1", 2, 3, 0));
    breaks(shortCheck, cut, "ord_1 holds 3 of TEA/msk-1 where 2 are on hand, and is not flagged short");
    cut.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), o.status(), o.paymentMethod(),
        o.totalMinor(), o.createdAt(), o.managerId(), o.reservations(), o.history(), o.payments(), true, o.markers()));
    breaks(shortCheck, cut, "no SHORT_STOCK task");
    cut.tasks.add(new ShopState.Task("short_ord_1", "SHORT_STOCK", "ord_1", "OPEN"));
    holds(shortCheck, cut);
    // a count whose flagging failed: its row is marked, and the sweep has an hour to flag the order
    States pending = States.healthy();
    pending.stock.set(0, new ShopState.Stock("TEA", "msk-1", 2, 3, 0, States.NOW.minusSeconds(20 * 60)));
    holds(shortCheck, pending);
    pending.stock.set(0, new ShopState.Stock("TEA", "msk-1", 2, 3, 0, States.NOW.minusSeconds(61 * 60)));
    breaks(shortCheck, pending, "ord_1 holds 3 of TEA/msk-1 where 2 are on hand, and is not flagged short (the row was "
        + "marked for the sweep at 2026-03-05T10:59:00Z)");
  }

  @Test
  void legalTransitions() {
    LegalTransitionsInvariant legal = new LegalTransitionsInvariant();
    holds(legal, States.healthy());
    States skipped = States.healthy(); // shipped without being ready
    skipped.replaceOrder("ord_1", o -> States.withStatus(o, "SHIPPED", List.of(
        States.change("2026-03-05T08:00:00Z", "AWAITING_PAYMENT", "customer"),
        States.change("2026-03-05T09:00:00Z", "SHIPPED", "mgr-1"))));
    breaks(legal, skipped, "AWAITING_PAYMENT → SHIPPED (by mgr-1) is not allowed");
    States wrongStart = States.healthy();
    wrongStart.replaceOrder("ord_2", o -> States.withStatus(o, "NEW", List.of(
        States.change("2026-03-04T08:00:00Z", "AWAITING_PAYMENT", "customer"),
        States.change("2026-03-04T08:00:00Z", "NEW", "customer"))));
    breaks(legal, wrongStart, "a CASH_ON_DELIVERY order starts NEW");
    States out = States.healthy();
    out.replaceOrder("ord_1", o -> States.withStatus(o, "CANCELLED", o.history()));
    breaks(legal, out, "status CANCELLED but its history ends READY_TO_SHIP");
  }

  @Test
  void noOrderStuck() {
    NoOrderStuckInvariant stuck = new NoOrderStuckInvariant();
    holds(stuck, States.healthy());
    States noTask = States.healthy(); // a cash order nobody was asked to call
    noTask.replaceOrder("ord_2", o -> States.withStatus(o, "NEW", List.of(o.history().get(0))));
    noTask.tasks.clear();
    breaks(stuck, noTask, "ord_2: NEW since 2026-03-04T08:00:00Z without a confirm-by-phone task");
    States unpaid = States.healthy(); // unpaid for 6 days
    unpaid.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), "AWAITING_PAYMENT", o.paymentMethod(),
        o.totalMinor(), Instant.parse("2026-02-27T08:00:00Z"), o.managerId(), o.reservations(),
        List.of(o.history().get(0)), List.of(), false, o.markers()));
    breaks(stuck, unpaid, "still AWAITING_PAYMENT");
    States paidNotShipping = States.healthy();
    paidNotShipping.replaceOrder("ord_1", o -> States.withStatus(o, "PAID", o.history().subList(0, 2)));
    breaks(stuck, paidNotShipping, "PAID since 2026-03-05T08:10:00Z and not READY_TO_SHIP");
  }

  @Test
  void announcedOnce() {
    AnnouncedOnceInvariant announced = new AnnouncedOnceInvariant();
    holds(announced, States.healthy());
    States twice = States.healthy();
    twice.managers.set(0, new ShopState.Manager("mgr-1", true, 2)); // assigned twice: counted twice
    breaks(announced, twice, "manager mgr-1: openOrders 2 but 1 open orders are assigned");
    States lost = States.healthy(); // the OrderCreated event never arrived
    lost.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), o.status(), o.paymentMethod(),
        o.totalMinor(), o.createdAt(), null, o.reservations(), o.history(), o.payments(), false, Set.of()));
    lost.mails.removeIf(m -> m.key().endsWith("ord_1"));
    lost.managers.set(0, new ShopState.Manager("mgr-1", true, 0));
    breaks(announced, lost, "confirmation never queued");
    breaks(announced, lost, "no manager assigned and notified");
    lost.pending.add("sweeper");
    lost.gaveUp.put("cus_1", Instant.parse("2026-03-05T08:00:01Z"));
    holds(announced, lost); // while the sweeper is pending, an order whose client gave up is its job
    States closedFirst = States.healthy(); // refunded and cancelled before order-events assigned anybody
    closedFirst.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), "CANCELLED", o.paymentMethod(),
        o.totalMinor(), o.createdAt(), null, o.reservations(), o.history(), o.payments(), false,
        Set.of("confirmationQueuedAt")));
    closedFirst.managers.set(0, new ShopState.Manager("mgr-1", true, 0));
    holds(announced, closedFirst); // a closed order gets nobody (AcceptNewOrder): no manager, no alert owed
    States openNobody = States.healthy(); // the same order still open with nobody: broken
    openNobody.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), o.status(), o.paymentMethod(),
        o.totalMinor(), o.createdAt(), null, o.reservations(), o.history(), o.payments(), false,
        Set.of("confirmationQueuedAt")));
    openNobody.managers.set(0, new ShopState.Manager("mgr-1", true, 0));
    breaks(announced, openNobody, "no manager assigned and notified");
    States doubleMail = States.healthy();
    doubleMail.mails.add(new ShopState.Mail("m9", "a@example.com", "Заказ", "order-confirmation#ord_1", false, 1));
    breaks(announced, doubleMail, "ord_1: 2 confirmation mails");
  }

  @Test
  void mailOnce() {
    MailOnceInvariant once = new MailOnceInvariant();
    holds(once, States.healthy());
    States twice = States.healthy();
    twice.mails.add(new ShopState.Mail("m4", "a@example.com", "Весна", "campaign:cmp_1#cus_1", true, 2));
    breaks(once, twice, "campaign:cmp_1#cus_1: sent 2 times [m3, m4]");
    States keyless = States.healthy();
    keyless.mails.add(new ShopState.Mail("m5", "a@example.com", "?", null, false, 2));
    breaks(once, keyless, "carries no dedupe key");
  }

  @Test
  void marketingConsent() {
    MarketingConsentInvariant consent = new MarketingConsentInvariant();
    holds(consent, States.healthy());
    States noConsent = States.healthy();
    noConsent.mails.add(new ShopState.Mail("m6", "b@example.com", "Весна", "campaign:cmp_1#cus_2", true, 1));
    breaks(consent, noConsent, "who never consented");
    States unsubscribed = States.healthy(); // unsubscribed two hours ago, mailed since the last check
    unsubscribed.consent.put("a@example.com", new ShopState.Consent(true, States.NOW.minusSeconds(7200)));
    breaks(consent, unsubscribed, "who unsubscribed at");
  }

  @Test
  void revenueMatchesReport() {
    RevenueMatchesReportInvariant money = new RevenueMatchesReportInvariant();
    holds(money, States.healthy());
    States counted = States.healthy(); // a cancellation the report never counted
    counted.replaceOrder("ord_1", o -> States.withStatus(o, "CANCELLED", o.history()));
    breaks(money, counted, "the orders say 2, 1, 1500");
    States underpaid = States.healthy();
    underpaid.replaceOrder("ord_1", o -> new ShopState.OrderRow(o.id(), o.customerId(), o.status(), o.paymentMethod(),
        o.totalMinor(), o.createdAt(), o.managerId(), o.reservations(), o.history(),
        List.of(new ShopState.Payment("evt_1", "SUCCEEDED", 2900, "PAID")), false, o.markers()));
    breaks(money, underpaid, "total 3000 but paid 2900");
    States noReport = States.healthy();
    noReport.report = null;
    breaks(money, noReport, "no sales report");
  }

  @Test
  void deadLetters() {
    DeadLettersInvariant dlq = new DeadLettersInvariant();
    holds(dlq, States.healthy());
    States lostMail = States.healthy();
    lostMail.deadLetters.get("EmailDLQ").add(new ShopState.DeadLetter("d2", "{\"dedupeKey\":\"manager-new-order#ord_1\"}"));
    breaks(dlq, lostMail, "EmailDLQ: d2");
  }

  @Test
  void theFirstBrokenInvariantFailsTheCheckAndPendingOnesAreNamed() {
    States s = States.healthy();
    s.stock.set(0, new ShopState.Stock("TEA", "msk-1", 10, 3, 9));
    s.holds.clear();
    Invariants all = new Invariants(Set.of("holds"));
    Invariants.Broken broken = assertThrows(Invariants.Broken.class, () -> all.check(s.state(), "now"));
    assertEquals("stock ledger", broken.invariant());
    assertTrue(broken.getMessage().contains("available 9"), broken.getMessage());
    assertEquals(List.of("reservation holds (-Dsim.pending=holds)"), all.skipped());
    States healthy = States.healthy();
    healthy.holds.clear();
    all.check(healthy.state(), "now"); // the pending check is not judged
    assertEquals(1 + (all.all().size() - 1), all.checks(), "one check of the broken run, then every judged invariant");
  }

  @Test
  void pointSalesOnce() {
    PointSalesOnceInvariant once = new PointSalesOnceInvariant();
    holds(once, States.healthy());
    holds(once, States.withPointSale());
    for (Invariant i : List.of(new StockLedgerInvariant(), new JournalAddsUpInvariant(), new RevenueMatchesReportInvariant())) {
      holds(i, States.withPointSale());
    }

    States twice = States.withPointSale(); // a replayed receipt decremented again
    twice.journal.add(new ShopState.Movement("CUP", "pt-1", "MOVE#2026-03-04T09:05:00.000000Z#g", "point-sale", 4L, 0L, -1, 0,
        "receipt:pt-1/R-1"));
    breaks(once, twice, "2 point-sale journal entries for CUP, expected 1");

    States lost = States.withPointSale(); // a receipt stored without its movement
    lost.journal.removeIf(m -> "point-sale".equals(m.movement()));
    breaks(once, lost, "0 point-sale journal entries for CUP");

    States orphan = States.withPointSale(); // stock moved for a receipt that was never stored
    orphan.pointSales.clear();
    breaks(once, orphan, "without its receipt");

    States uncounted = States.withPointSale(); // the report never counted the receipt
    uncounted.report = new ShopState.Report(uncounted.report.from(), uncounted.report.to(), 2, 0, 4500);
    breaks(new RevenueMatchesReportInvariant(), uncounted, "the orders say 3, 0, 5000");
  }

  @Test
  void metricsMatch() {
    MetricsMatchInvariant metrics = new MetricsMatchInvariant();
    holds(metrics, States.healthy());

    States lost = States.healthy(); // a clean run: an order stored but not counted
    lost.metrics = States.metrics(1, 3, 0, 1, 1, true);
    breaks(metrics, lost, "OrdersPlaced{Channel=site} = 1 but 2 orders stored through site");

    States crashed = States.healthy(); // under faults the same count went down with a crashed process
    crashed.metrics = States.metrics(1, 3, 0, 1, 1, false);
    holds(metrics, crashed);

    States invented = States.healthy(); // never more than happened, faults or not
    invented.metrics = States.metrics(2, 4, 0, 1, 1, false);
    breaks(metrics, invented, "MailsSent = 4 but 3 mails SES accepted");

    States shortFlapped = States.healthy(); // raised, cleared and raised again: two rises in the stream, two counts
    var flapped = States.metrics(2, 3, 2, 1, 1, true);
    shortFlapped.metrics = new ShopState.Metrics(flapped.emitted(), flapped.ordersByChannel(), 2, flapped.supplierFiles(), true);
    holds(metrics, shortFlapped);

    States shortLost = States.healthy(); // a clean run: a rise in the stream never counted
    var m = States.metrics(2, 3, 0, 1, 1, true);
    shortLost.metrics = new ShopState.Metrics(m.emitted(), m.ordersByChannel(), 1, m.supplierFiles(), true);
    breaks(metrics, shortLost, "OrdersShort = 0 but 1 rises of orders' short flag in the table's stream");

    States shortInvented = States.healthy(); // counted with no rise written, faults or not
    var inv = States.metrics(2, 3, 2, 1, 1, false);
    shortInvented.metrics = new ShopState.Metrics(inv.emitted(), inv.ordersByChannel(), 1, inv.supplierFiles(), false);
    breaks(metrics, shortInvented, "OrdersShort = 2 but 1 rises of orders' short flag in the table's stream");

    States shortCrashed = States.healthy(); // under faults a count lost with its crashed process
    var uncounted = States.metrics(2, 3, 0, 1, 1, false);
    shortCrashed.metrics = new ShopState.Metrics(uncounted.emitted(), uncounted.ordersByChannel(), 1, uncounted.supplierFiles(), false);
    holds(metrics, shortCrashed);

    States fileUncounted = States.healthy();
    fileUncounted.metrics = States.metrics(2, 3, 0, 0, 1, true);
    breaks(metrics, fileUncounted, "ImportsApplied + ImportsRefused = 0 but 1 supplier files were dropped");
  }

  @Test
  void journalAddsUp() {
    JournalAddsUpInvariant journal = new JournalAddsUpInvariant();
    holds(journal, States.healthy());

    States unjournaled = States.healthy(); // a staff count written without its journal entry
    unjournaled.stock.set(0, new ShopState.Stock("TEA", "msk-1", 12, 3, 9));
    breaks(journal, unjournaled, "TEA in msk-1: the journal (4 entries) adds up to onHand 10, reserved 3 but the row says onHand 12, reserved 3");

    States lostEntry = States.healthy(); // a consumption whose entry is missing
    lostEntry.journal.remove(2);
    breaks(journal, lostEntry, "adds up to onHand 11, reserved 4");
  }

  /** ord_2 (delivered, 1 TEA at 1500) returns its unit: restocked, refunded 1500. */
  private static States withReturn(boolean journaled, boolean reported) {
    States s = States.healthy();
    s.replaceOrder("ord_2", o -> new ShopState.OrderRow(o.id(), o.customerId(), o.status(), o.paymentMethod(),
        o.totalMinor(), o.createdAt(), o.managerId(), o.reservations(), o.history(), o.payments(), false, o.markers(),
        List.of(new ShopState.Returned("RETURN#1", 1500, 1))));
    if (journaled) {
      s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-05T11:00:00.000000Z#e", "return-to-stock",
          10L, 3L, 1, 0, 1, "ord_2"));
      s.stock.set(0, new ShopState.Stock("TEA", "msk-1", 11, 3, 8));
    }
    if (reported) {
      s.report = new ShopState.Report(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"), 2, 0, 3000, 1, 1500);
    }
    return s;
  }

  @Test
  void returnsBalanceTheLedger() {
    ReturnsLedgerInvariant returns = new ReturnsLedgerInvariant();
    holds(returns, States.healthy());
    holds(returns, withReturn(true, true));
    breaks(returns, withReturn(false, true), "ord_2 (DELIVERED, 1 returns): 1 units came back but the journal has 0");
    States twice = withReturn(true, true); // the same unit restocked twice
    twice.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-05T11:05:00.000000Z#f", "return-to-stock",
        11L, 3L, 1, 0, 1, "ord_2"));
    breaks(returns, twice, "1 units came back but the journal has 2");
    States refusedBack = States.healthy(); // a refused parcel back without its restock
    refusedBack.replaceOrder("ord_2", o -> States.withStatus(o, "RETURNED", o.history()));
    breaks(returns, refusedBack, "ord_2 (RETURNED, 0 returns): 1 units came back but the journal has 0");
  }

  @Test
  void revenueMatchesReportWithReturnsAndRefusals() {
    RevenueMatchesReportInvariant money = new RevenueMatchesReportInvariant();
    holds(money, withReturn(true, true));
    breaks(money, withReturn(true, false), "the orders say 2, 0, 3000 (returns 1: 1500)");
    States refused = States.healthy(); // a refused parcel still counted as a sale
    refused.replaceOrder("ord_2", o -> States.withStatus(o, "RETURNING", o.history()));
    breaks(money, refused, "the orders say 2, 1, 3000 (returns 0: 0)");
  }
}
