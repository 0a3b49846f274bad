package dev.storeops.sim.invariants;

import dev.storeops.sim.ShopState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds shop states by hand for the invariants' tests: a healthy shop, then one thing broken. */
final class States {
  static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

  final List<ShopState.Stock> stock = new ArrayList<>();
  final List<ShopState.Movement> journal = new ArrayList<>();
  final List<ShopState.OrderRow> orders = new ArrayList<>();
  final List<ShopState.Hold> holds = new ArrayList<>();
  final List<ShopState.PendingMoves> pendingMoves = new ArrayList<>();
  final List<ShopState.Task> tasks = new ArrayList<>();
  final List<ShopState.Manager> managers = new ArrayList<>();
  final List<ShopState.Mail> mails = new ArrayList<>();
  final List<ShopState.PointSaleRow> pointSales = new ArrayList<>();
  final Map<String, List<ShopState.DeadLetter>> deadLetters = new LinkedHashMap<>();
  final Map<String, ShopState.Consent> consent = new HashMap<>();
  final Set<String> poison = new HashSet<>();
  final Map<String, Instant> gaveUp = new HashMap<>();
  final Set<String> pending = new HashSet<>();
  final List<ShopState.OrderMoney> money = new ArrayList<>();
  final List<ShopState.Promo> promos = new ArrayList<>();
  final Map<String, Long> cashIn = new HashMap<>();
  final Map<String, Long> refunds = new HashMap<>();
  long cashInMinor;
  long cashRefundsMinor;
  ShopState.Report report;
  ShopState.Metrics metrics;
  Instant previousCheck = NOW.minusSeconds(3600);

  static ShopState.Change change(String at, String status, String by) {
    return new ShopState.Change(Instant.parse(at), status, by);
  }

  /**
   * A healthy shop: TEA 10 on hand, 3 reserved by a paid order ready to ship (with its hold), a delivered
   * cash order, one manager with the one open order, both confirmations mailed, the report in line.
   */
  static States healthy() {
    States s = new States();
    s.stock.add(new ShopState.Stock("TEA", "msk-1", 10, 3, 7));
    // its journal: counted 11 by staff, 3 reserved by ord_1, 1 reserved by ord_2 and consumed when it shipped
    s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-04T07:00:00.000000Z#a", "staff-set", 0L, 0L, 11, 0));
    s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-04T08:00:00.000000Z#b", "reserve", null, null, 0, 1));
    s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-04T12:00:00.000000Z#c", "consume", 11L, 1L, -1, -1));
    s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-05T08:00:00.000000Z#d", "reserve", null, null, 0, 3));
    s.orders.add(new ShopState.OrderRow("ord_1", "cus_1", "READY_TO_SHIP", "ONLINE_CARD", 3000,
        Instant.parse("2026-03-05T08:00:00Z"), "mgr-1", List.of(new ShopState.Line("TEA", "msk-1", 3)),
        List.of(change("2026-03-05T08:00:00Z", "AWAITING_PAYMENT", "customer"),
            change("2026-03-05T08:10:00Z", "PAID", "rule:payment-webhook"),
            change("2026-03-05T08:10:00Z", "READY_TO_SHIP", "rule:paid-order-ships")),
        List.of(new ShopState.Payment("evt_1", "SUCCEEDED", 3000, "PAID")), false,
        Set.of("confirmationQueuedAt", "managerNotifiedAt")));
    s.orders.add(new ShopState.OrderRow("ord_2", "cus_2", "DELIVERED", "CASH_ON_DELIVERY", 1500,
        Instant.parse("2026-03-04T08:00:00Z"), "mgr-1", List.of(new ShopState.Line("TEA", "msk-1", 1)),
        List.of(change("2026-03-04T08:00:00Z", "NEW", "customer"), change("2026-03-04T09:00:00Z", "CONFIRMED", "mgr-1"),
            change("2026-03-04T09:00:00Z", "READY_TO_SHIP", "rule:confirmed-order-ships"),
            change("2026-03-04T12:00:00Z", "SHIPPED", "mgr-1"), change("2026-03-05T10:00:00Z", "DELIVERED", "mgr-1")),
        List.of(), false, Set.of("confirmationQueuedAt", "managerNotifiedAt")));
    s.holds.add(new ShopState.Hold("TEA", "msk-1", "ord_1", 3));
    s.tasks.add(new ShopState.Task("confirm-by-phone_ord_2", "confirm-by-phone", "ord_2", "DONE"));
    s.managers.add(new ShopState.Manager("mgr-1", true, 1));
    s.mails.add(new ShopState.Mail("m1", "a@example.com", "Заказ", "order-confirmation#ord_1", false, 1));
    s.mails.add(new ShopState.Mail("m2", "b@example.com", "Заказ", "order-confirmation#ord_2", false, 1));
    s.mails.add(new ShopState.Mail("m3", "a@example.com", "Весна", "campaign:cmp_1#cus_1", true, 1));
    s.consent.put("a@example.com", new ShopState.Consent(true, null));
    s.consent.put("b@example.com", new ShopState.Consent(false, null));
    s.deadLetters.put("EmailDLQ", new ArrayList<>(List.of(new ShopState.DeadLetter("d1", "{\"poison\":true}"))));
    s.poison.add("{\"poison\":true}");
    s.report = new ShopState.Report(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"), 2, 0, 4500);
    s.metrics = metrics(2, 3, 0, 1, 1, true);
    // the money: ord_1 used the promo (2 700 − 270 + delivery 570 = 3 000), paid by card; ord_2 paid in cash
    s.money.add(new ShopState.OrderMoney("ord_1", 2700, 2700, 270, 270, 570, 3000, "SIMWEEK"));
    s.money.add(new ShopState.OrderMoney("ord_2", 1200, 1200, 0, 0, 300, 1500, null));
    s.promos.add(new ShopState.Promo("SIMWEEK", 2L, 1));
    s.cashIn.put("ord_1", 3000L);
    s.cashIn.put("ord_2", 1500L);
    s.cashInMinor = 4500;
    return s;
  }

  /**
   * Metrics as the functions wrote them, beside what the shop did: {@code sitePlaced} OrdersPlaced on the
   * site for the 2 site orders, {@code mailsSent} MailsSent for the 3 mails SES has, {@code shortCounted}
   * OrdersShort (none flagged), {@code applied} ImportsApplied for {@code files} supplier files.
   */
  static ShopState.Metrics metrics(long sitePlaced, long mailsSent, long shortCounted, long applied, long files,
      boolean lossless) {
    Map<String, Long> emitted = new HashMap<>();
    emitted.put("OrdersPlaced{Channel=site}", sitePlaced);
    emitted.put("MailsSent", mailsSent);
    emitted.put("OrdersShort", shortCounted);
    emitted.put("ImportsApplied", applied);
    return new ShopState.Metrics(emitted, Map.of("site", 2L), 0, files, lossless);
  }

  ShopState state() {
    return new ShopState(NOW, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics,
        new ShopState.Facts(consent, poison, gaveUp, pending, previousCheck, 1), pointSales,
        new ShopState.Money(money, promos, cashInMinor, cashRefundsMinor, cashIn, refunds), ShopState.Notices.none(),
        pendingMoves);
  }

  /**
   * The healthy shop while a large order's intake is between its transactions: its first transaction
   * reserved 2 TEA (msk-1) and 1 CUP (spb-1) for {@code ord_big}, which is not stored (yet): the rows, their
   * holds and reserve entries, listed on its announce item, due 5 minutes after creation ({@code dueAt}).
   */
  static States withPendingIntake(Instant dueAt) {
    States s = healthy();
    s.stock.set(0, new ShopState.Stock("TEA", "msk-1", 10, 5, 5));
    s.journal.add(new ShopState.Movement("TEA", "msk-1", "MOVE#2026-03-05T10:00:00.000000Z#g", "reserve", null, null, 0, 2));
    s.stock.add(new ShopState.Stock("CUP", "spb-1", 4, 1, 3));
    s.holds.add(new ShopState.Hold("TEA", "msk-1", "ord_big", 2));
    s.holds.add(new ShopState.Hold("CUP", "spb-1", "ord_big", 1));
    s.pendingMoves.add(new ShopState.PendingMoves("ord_big", "ANNOUNCE", "pending", "release", dueAt,
        List.of(new ShopState.Line("TEA", "msk-1", 2), new ShopState.Line("CUP", "spb-1", 1))));
    return s;
  }

  /**
   * The healthy shop plus a shop point {@code pt-1} that counted 5 CUP and sold 1 on receipt R-1 (500
   * kopecks): its stock row, its two journal entries, the receipt, and the report counting it.
   */
  static States withPointSale() {
    States s = healthy();
    s.stock.add(new ShopState.Stock("CUP", "pt-1", 4, 0, 4));
    s.journal.add(new ShopState.Movement("CUP", "pt-1", "MOVE#2026-03-04T07:00:00.000000Z#e", "staff-set", 0L, 0L, 5, 0));
    s.journal.add(new ShopState.Movement("CUP", "pt-1", "MOVE#2026-03-04T09:00:00.000000Z#f", "point-sale", 5L, 0L, -1, 0,
        "receipt:pt-1/R-1"));
    s.pointSales.add(new ShopState.PointSaleRow("pt-1", "R-1", 500, List.of("CUP")));
    s.report = new ShopState.Report(s.report.from(), s.report.to(), 3, 0, 5000);
    return s;
  }

  void replaceOrder(String id, java.util.function.UnaryOperator<ShopState.OrderRow> change) {
    orders.replaceAll(o -> o.id().equals(id) ? change.apply(o) : o);
  }

  static ShopState.OrderRow withStatus(ShopState.OrderRow o, String status, List<ShopState.Change> history) {
    return new ShopState.OrderRow(o.id(), o.customerId(), status, o.paymentMethod(), o.totalMinor(), o.createdAt(),
        o.managerId(), o.reservations(), history, o.payments(), o.shortFlag(), o.markers());
  }
}
