package dev.storeops.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the shop looks like at one moment, read straight from the table, the SES emulator, the
 * dead-letter queues and the sales report, plus what the simulation knows it did (consent, poison
 * messages). The invariants judge this; their tests build broken ones by hand.
 */
public record ShopState(
    Instant at,
    List<Stock> stock,
    List<Movement> journal,
    List<OrderRow> orders,
    List<Hold> holds,
    List<Task> tasks,
    List<Manager> managers,
    List<Mail> mails,
    Map<String, List<DeadLetter>> deadLetters,
    Report report,
    Metrics metrics,
    Facts facts,
    List<PointSaleRow> pointSales,
    Money money,
    Notices notices,
    List<PendingMoves> pendingMoves) {

  /** Without pending stock moves of large orders (the invariants' hand-built states that have none). */
  public ShopState(Instant at, List<Stock> stock, List<Movement> journal, List<OrderRow> orders, List<Hold> holds,
      List<Task> tasks, List<Manager> managers, List<Mail> mails, Map<String, List<DeadLetter>> deadLetters,
      Report report, Metrics metrics, Facts facts, List<PointSaleRow> pointSales, Money money, Notices notices) {
    this(at, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics, facts, pointSales,
        money, notices, List.of());
  }

  /**
   * Stock moves of a large order listed on one of its items until they are written (docs/orders.md, "40
   * lines do not fit one transaction"): a pending intake on the order's announce item ({@code item} =
   * {@code ANNOUNCE}, the holds of the first transaction(s), released unless the order's last transaction
   * clears them), or the rest of a cancellation's or shipment's moves ({@code STOCKMOVES#<rev>}). {@code
   * state}: {@code pending} or {@code draining}; {@code rows}: the SKU × warehouse rows still listed, whose
   * holds are still open; {@code dueAt}: when the order-announce sweeper is due to finish them (null when
   * the item is off the due index).
   */
  public record PendingMoves(String orderId, String item, String state, String moves, Instant dueAt, List<Line> rows) {
    public boolean intake() {
      return item.equals("ANNOUNCE");
    }
  }

  /** Without the customers' order notices (the invariants' hand-built states). */
  public ShopState(Instant at, List<Stock> stock, List<Movement> journal, List<OrderRow> orders, List<Hold> holds,
      List<Task> tasks, List<Manager> managers, List<Mail> mails, Map<String, List<DeadLetter>> deadLetters,
      Report report, Metrics metrics, Facts facts, List<PointSaleRow> pointSales, Money money) {
    this(at, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics, facts, pointSales,
        money, Notices.none());
  }

  /**
   * What the customers were told of their orders' way (docs/notifications.md): the send log's status of
   * each {@code order-shipped#} / {@code order-delivered#} mail and SMS key ({@code MAILLOG#<key>}, SMS keys
   * {@code sms#…}), every SMS the local provider recorded ({@code LocalSmsLog}), the orders' numbers and
   * the customers' contacts. {@code lossless}: a run without faults.
   */
  public record Notices(Map<String, String> sendLog, List<Sms> sms, Map<String, String> orderNumbers,
      Map<String, Contact> customers, boolean lossless) {
    public static Notices none() {
      return new Notices(Map.of(), List.of(), Map.of(), Map.of(), true);
    }
  }

  /** An SMS the local provider recorded. */
  public record Sms(String id, String phone, String text) {}

  /** A customer's e-mail, phone and SMS opt-out ({@code CUSTOMER#<id> / SMSCONSENT}). */
  public record Contact(String email, String phone, boolean smsOptedOut) {}

  /** Without shop points' sales and money (the invariants' hand-built states). */
  public ShopState(Instant at, List<Stock> stock, List<Movement> journal, List<OrderRow> orders, List<Hold> holds,
      List<Task> tasks, List<Manager> managers, List<Mail> mails, Map<String, List<DeadLetter>> deadLetters,
      Report report, Metrics metrics, Facts facts) {
    this(at, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics, facts, List.of(),
        Money.none());
  }

  /** Without money (the invariants' tests that do not judge money). */
  public ShopState(Instant at, List<Stock> stock, List<Movement> journal, List<OrderRow> orders, List<Hold> holds,
      List<Task> tasks, List<Manager> managers, List<Mail> mails, Map<String, List<DeadLetter>> deadLetters,
      Report report, Metrics metrics, Facts facts, List<PointSaleRow> pointSales) {
    this(at, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics, facts, pointSales,
        Money.none());
  }

  /** Without shop points' sales. */
  public ShopState(Instant at, List<Stock> stock, List<Movement> journal, List<OrderRow> orders, List<Hold> holds,
      List<Task> tasks, List<Manager> managers, List<Mail> mails, Map<String, List<DeadLetter>> deadLetters,
      Report report, Metrics metrics, Facts facts, Money money) {
    this(at, stock, journal, orders, holds, tasks, managers, mails, deadLetters, report, metrics, facts, List.of(),
        money);
  }

  /** A shop point's till receipt as stored ({@code POINT#<pointId>} / {@code POINTSALE#<receipt>}, docs/points.md). */
  public record PointSaleRow(String pointId, String receipt, long totalMinor, List<String> skus) {}

  /**
   * The money the table holds besides the orders' rows: per order its sums ({@code lines}), the promo
   * codes, the cash report's days and the per-order cash markers (docs/money.md).
   */
  public record Money(List<OrderMoney> orders, List<Promo> promos, long cashInMinor, long cashRefundsMinor,
      Map<String, Long> cashInByOrder, Map<String, Long> refundsByOrder, long returnRefundsMinor) {
    /** Without returns after delivery (their refunds, counted once each by {@code REPORT#ORDER#<id> / RETURN#<n>}). */
    public Money(List<OrderMoney> orders, List<Promo> promos, long cashInMinor, long cashRefundsMinor,
        Map<String, Long> cashInByOrder, Map<String, Long> refundsByOrder) {
      this(orders, promos, cashInMinor, cashRefundsMinor, cashInByOrder, refundsByOrder, 0);
    }

    public static Money none() {
      return new Money(List.of(), List.of(), 0, 0, Map.of(), Map.of());
    }
  }

  /**
   * An order's money as stored: Σ {@code lines[].lineTotalMinor}, {@code itemsTotalMinor}, the promo's
   * {@code discountMinor} and Σ {@code lines[].discountMinor}, {@code deliveryCostMinor}, {@code totalMinor};
   * {@code promoCode} null without a code.
   */
  public record OrderMoney(String orderId, long linesMinor, long itemsTotalMinor, long discountMinor,
      long linesDiscountMinor, long deliveryMinor, long totalMinor, String promoCode, List<LineCost> costs) {
    public OrderMoney(String orderId, long linesMinor, long itemsTotalMinor, long discountMinor,
        long linesDiscountMinor, long deliveryMinor, long totalMinor, String promoCode) {
      this(orderId, linesMinor, itemsTotalMinor, discountMinor, linesDiscountMinor, deliveryMinor, totalMinor, promoCode,
          List.of());
    }
  }

  /**
   * A line's purchase cost as stored: its {@code qty} and {@code costMinor} (null: unknown), and what its
   * {@code costs[]} add up to (Σ qty; Σ qty × unitCostMinor, null when one is unknown).
   */
  public record LineCost(String sku, long qty, Long costMinor, long costsQty, Long costsMinor) {}

  /** A promo code item ({@code PROMO#<code> / PROMO}): {@code maxUses} null when unlimited. */
  public record Promo(String code, Long maxUses, long uses) {}

  /**
   * The business metrics the functions wrote (EMF lines, summed as CloudWatch would: {@code emitted} by
   * {@code Name} or {@code Name{Dimension=value}}) beside what the shop did: orders stored per channel
   * (lower case, as the metric's dimension), orders newly flagged short (rises of an order's {@code short}
   * flag, read from the table's stream), the supplier files dropped. {@code lossless}: no fault or crash was injected,
   * so every count must be exact (under crashes a count can be lost with its process, never invented).
   */
  public record Metrics(Map<String, Long> emitted, Map<String, Long> ordersByChannel, long shortFlagsRaised,
      long supplierFiles, boolean lossless) {
    public long emitted(String key) {
      return emitted.getOrDefault(key, 0L);
    }
  }

  /**
   * A stock item ({@code SKU#<sku>} / {@code STOCK#<warehouse>}); {@code shortMarkedAt}: when a count left it
   * short and marked it for the short-stock sweep (null: not marked).
   */
  public record Stock(String sku, String warehouse, long onHand, long reserved, long available, Instant shortMarkedAt) {
    public Stock(String sku, String warehouse, long onHand, long reserved, long available) {
      this(sku, warehouse, onHand, reserved, available, null);
    }
  }

  /** An order item with what the invariants read. {@code flags}: {@code short}, the markers set. */
  public record OrderRow(String id, String customerId, String status, String paymentMethod, long totalMinor,
      Instant createdAt, String managerId, List<Line> reservations, List<Change> history, List<Payment> payments,
      boolean shortFlag, Set<String> markers, List<Returned> returns) {

    public OrderRow {
      returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /** An order without returns after delivery. */
    public OrderRow(String id, String customerId, String status, String paymentMethod, long totalMinor,
        Instant createdAt, String managerId, List<Line> reservations, List<Change> history, List<Payment> payments,
        boolean shortFlag, Set<String> markers) {
      this(id, customerId, status, paymentMethod, totalMinor, createdAt, managerId, reservations, history, payments,
          shortFlag, markers, List.of());
    }

    public boolean open() {
      return !status.equals("DELIVERED") && !status.equals("CANCELLED") && !status.equals("RETURNED");
    }

    /** Still holds its reservations: not shipped (the units left), not on its way back, not closed. */
    public boolean holdsStock() {
      return open() && !status.equals("SHIPPED") && !status.equals("RETURNING");
    }

    /** A refused parcel (on its way back or back): no sale (docs/returns.md). */
    public boolean refused() {
      return status.equals("RETURNING") || status.equals("RETURNED");
    }
  }

  /** A return after delivery on the order ({@code returns}): the money it gives back and its units. */
  public record Returned(String id, long amountMinor, long units) {}

  /**
   * An entry of a SKU's movement journal ({@code SKU#<sku>} / {@code MOVE#<instant>#<id>}); {@code key} is
   * its sort key (time order); the before-values are null where the movement has none (a reservation).
   */
  public record Movement(String sku, String warehouse, String key, String movement, Long onHandBefore,
      Long reservedBefore, long onHandChange, long reservedChange, long qty, String ref) {

    public Movement(String sku, String warehouse, String key, String movement, Long onHandBefore,
        Long reservedBefore, long onHandChange, long reservedChange) {
      this(sku, warehouse, key, movement, onHandBefore, reservedBefore, onHandChange, reservedChange, 0, null);
    }

    public Movement(String sku, String warehouse, String key, String movement, Long onHandBefore, Long reservedBefore,
        long onHandChange, long reservedChange, String ref) {
      this(sku, warehouse, key, movement, onHandBefore, reservedBefore, onHandChange, reservedChange, 0, ref);
    }
  }

  public record Line(String sku, String warehouse, long qty) {}

  public record Change(Instant at, String status, String by) {}

  public record Payment(String eventId, String type, long amountMinor, String outcome) {}

  /** A reservation hold item ({@code SKU#<sku>} / {@code HOLD#<warehouse>#<orderId>}). */
  public record Hold(String sku, String warehouse, String orderId, long qty) {}

  public record Task(String id, String kind, String orderId, String status) {}

  public record Manager(String id, boolean onShift, long openOrders) {}

  /** A mail the SES emulator accepted: its dedupe key header, whether it is marketing (List-Unsubscribe). */
  public record Mail(String messageId, String to, String subject, String key, boolean marketing, int seenAtCheck) {}

  public record DeadLetter(String messageId, String body) {}

  /** The sales report for the simulated period, as {@code GET /staff/reports/sales} answers it. */
  public record Report(LocalDate from, LocalDate to, long orders, long cancelled, long revenueMinor, long returns,
      long returnedMinor) {
    public Report(LocalDate from, LocalDate to, long orders, long cancelled, long revenueMinor) {
      this(from, to, orders, cancelled, revenueMinor, 0, 0);
    }
  }

  /**
   * What the simulation did that the shop's state does not say: per e-mail address, whether the
   * customer consented and when they unsubscribed; the poison messages it put on queues; orders whose
   * client gave up after a failure (customer id → when); the checks before this one (mails are judged in
   * the window since the previous check).
   */
  public record Facts(Map<String, Consent> consent, Set<String> poison, Map<String, Instant> gaveUp,
      Set<String> pending, Instant previousCheck, int check) {}

  public record Consent(boolean given, Instant unsubscribedAt) {}
}
