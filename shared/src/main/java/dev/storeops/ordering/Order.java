package dev.storeops.ordering;

import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.ShortLine;

import dev.storeops.ordering.promo.AppliedPromo;
import java.time.Instant;
import java.util.List;

/**
 * An order: the one record every channel produces. Plain data; status changes go through {@link
 * OrderLifecycle} only, so the rules of the order's life live in one place.
 *
 * @param id {@code ord_…} (time-sortable, random)
 * @param number the human order number ({@code yyMMdd-XXXXXX}), unique (claimed in the creating transaction)
 * @param createdBy {@code customer} for the storefront, else the staff id (JWT {@code sub})
 * @param itemsTotalMinor sum of the lines' totals
 * @param totalMinor items + delivery; what the customer pays
 * @param accessTokenHash SHA-256 (hex) of the token returned at creation; the token itself is never stored
 * @param reservations the stock this order holds, released exactly once on cancellation
 * @param shortLines where the stock counted fell below what the open orders hold (item attributes
 *     {@code short} and {@code shortLines}; docs/stock-ledger.md); empty when the order is not short
 * @param promo the promo code the order used ({@code null}: none); {@code totalMinor} is already net of
 *     its discount (docs/money.md)
 */
public record Order(
    String id,
    String number,
    String customerId,
    Channel channel,
    String createdBy,
    List<OrderLine> lines,
    long itemsTotalMinor,
    long deliveryCostMinor,
    long totalMinor,
    String currency,
    Delivery delivery,
    PaymentMethod paymentMethod,
    OrderStatus status,
    List<StatusChange> statusHistory,
    String managerId,
    String cartId,
    String accessTokenHash,
    List<Reservation> reservations,
    Instant createdAt,
    Instant updatedAt,
    List<ShortLine> shortLines,
    AppliedPromo promo) {

  public Order {
    lines = List.copyOf(lines);
    statusHistory = List.copyOf(statusHistory);
    reservations = List.copyOf(reservations);
    shortLines = shortLines == null ? List.of() : List.copyOf(shortLines);
  }

  /** An order without a promo code. */
  public Order(String id, String number, String customerId, Channel channel, String createdBy, List<OrderLine> lines,
      long itemsTotalMinor, long deliveryCostMinor, long totalMinor, String currency, Delivery delivery,
      PaymentMethod paymentMethod, OrderStatus status, List<StatusChange> statusHistory, String managerId,
      String cartId, String accessTokenHash, List<Reservation> reservations, Instant createdAt, Instant updatedAt,
      List<ShortLine> shortLines) {
    this(id, number, customerId, channel, createdBy, lines, itemsTotalMinor, deliveryCostMinor, totalMinor, currency,
        delivery, paymentMethod, status, statusHistory, managerId, cartId, accessTokenHash, reservations, createdAt,
        updatedAt, shortLines, null);
  }

  /** An order that is not short of stock. */
  public Order(String id, String number, String customerId, Channel channel, String createdBy, List<OrderLine> lines,
      long itemsTotalMinor, long deliveryCostMinor, long totalMinor, String currency, Delivery delivery,
      PaymentMethod paymentMethod, OrderStatus status, List<StatusChange> statusHistory, String managerId,
      String cartId, String accessTokenHash, List<Reservation> reservations, Instant createdAt, Instant updatedAt) {
    this(id, number, customerId, channel, createdBy, lines, itemsTotalMinor, deliveryCostMinor, totalMinor, currency,
        delivery, paymentMethod, status, statusHistory, managerId, cartId, accessTokenHash, reservations, createdAt,
        updatedAt, List.of());
  }

  /**
   * Whether the order is short of stock now: flagged and still holding its stock (a shipped, delivered
   * or cancelled order holds nothing, so it is never reported short).
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isShort() {
    return !shortLines.isEmpty() && status.holdsStock();
  }

  public Order withManager(String newManagerId, Instant at) {
    return new Order(id, number, customerId, channel, createdBy, lines, itemsTotalMinor, deliveryCostMinor,
        totalMinor, currency, delivery, paymentMethod, status, statusHistory, newManagerId, cartId,
        accessTokenHash, reservations, createdAt, at, shortLines, promo);
  }

  /** Used by {@link OrderLifecycle} only. */
  Order withStatus(OrderStatus newStatus, List<StatusChange> history, Instant at) {
    return new Order(id, number, customerId, channel, createdBy, lines, itemsTotalMinor, deliveryCostMinor,
        totalMinor, currency, delivery, paymentMethod, newStatus, history, managerId, cartId,
        accessTokenHash, reservations, createdAt, at, shortLines, promo);
  }

  /** The promo discount on the goods, kopecks (0 without a code). */
  public long discountMinor() {
    return promo == null ? 0 : promo.discountMinor();
  }

  /** The purchase cost of the goods, kopecks, counting a line of unknown cost as 0 (docs/money.md). */
  public long costMinor() {
    return lines.stream().mapToLong(l -> l.costMinor() == null ? 0 : l.costMinor()).sum();
  }

  public int totalQty() {
    return lines.stream().mapToInt(OrderLine::qty).sum();
  }
}
