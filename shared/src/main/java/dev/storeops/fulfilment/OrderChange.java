package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One write a rule decides on an order, applied all-or-nothing by {@link OrderFlowStore#apply}: the
 * status moves it made (already checked by the state machine), what it records, the due-work index
 * entry it sets or removes, the stock release of a cancellation or the stock consumption of a shipment
 * (docs/stock-ledger.md), and the provider event it claims.
 * The write is conditioned on the order's status and revision as they were read.
 */
public final class OrderChange {
  /** Where the order goes on the due-work index (kind {@link UnpaidPrepaymentPolicy#PAYMENT_DUE}). */
  public record Due(String stage, Instant at) {}

  private final OrderFile before;
  private final Instant at;
  private Order after;
  private List<StatusChange> added = List.of();
  private Map<String, Object> payment;
  private Map<String, Object> call;
  private Integer noAnswerCalls;
  private String flag;
  private Map<String, Object> shipment;
  private String cancelReason;
  private Due due;
  private boolean removeDue;
  private String claimEventId;
  private final List<StockReturn> stockReturns = new java.util.ArrayList<>();
  private Map<String, Object> refusal;
  private Map<String, Object> returnAdded;
  private Integer returnIndex;
  private Map<String, Object> returnReplaced;

  /**
   * Returned units of one SKU in one warehouse (docs/returns.md): put back on the shelf
   * ({@link dev.storeops.catalog.StockMovement#RETURN_TO_STOCK}) or written off
   * ({@link dev.storeops.catalog.StockMovement#WRITE_OFF}), journaled in the change's transaction.
   */
  public record StockReturn(String sku, String warehouse, int qty, String movement, String actor, String reason) {}

  public OrderChange(OrderFile before, Instant at) {
    this.before = before;
    this.at = at;
    this.after = before.order();
  }

  public OrderFile before() {
    return before;
  }

  public Instant at() {
    return at;
  }

  public Order after() {
    return after;
  }

  /** The status moves made: {@code after} and the history entries it added to {@code before}. */
  public OrderChange moved(Order newOrder) {
    this.after = newOrder;
    this.added = newOrder.statusHistory().subList(before.order().statusHistory().size(), newOrder.statusHistory().size());
    return this;
  }

  public List<StatusChange> added() {
    return added;
  }

  public boolean statusChanged() {
    return after.status() != before.order().status();
  }

  /** A cancellation releases the order's reservations in the same write. */
  public boolean releasesStock() {
    return statusChanged() && after.status() == OrderStatus.CANCELLED;
  }

  /**
   * Shipping consumes the order's reservations in the same write: the units leave the warehouse
   * ({@code onHand} and {@code reserved} go down by the quantity; see docs/stock-ledger.md).
   */
  public boolean consumesStock() {
    return statusChanged() && after.status() == OrderStatus.SHIPPED;
  }

  /** The order stops counting as an open order of its manager. */
  public boolean closesForManager() {
    return statusChanged() && before.order().status().open() && !after.status().open();
  }

  public OrderChange payment(Map<String, Object> p) {
    this.payment = p;
    return this;
  }

  public Map<String, Object> payment() {
    return payment;
  }

  public OrderChange call(Map<String, Object> c) {
    this.call = c;
    return this;
  }

  public Map<String, Object> call() {
    return call;
  }

  public OrderChange noAnswerCalls(int n) {
    this.noAnswerCalls = n;
    return this;
  }

  public Integer noAnswerCalls() {
    return noAnswerCalls;
  }

  public OrderChange flag(String f) {
    this.flag = f;
    return this;
  }

  public String flag() {
    return flag;
  }

  public OrderChange shipment(Map<String, Object> s) {
    this.shipment = s;
    return this;
  }

  public Map<String, Object> shipment() {
    return shipment;
  }

  public OrderChange cancelReason(String r) {
    this.cancelReason = r;
    return this;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public OrderChange due(String stage, Instant dueAt) {
    this.due = new Due(stage, dueAt);
    this.removeDue = false;
    return this;
  }

  public Due due() {
    return due;
  }

  public OrderChange removeDue() {
    this.due = null;
    this.removeDue = true;
    return this;
  }

  public boolean removesDue() {
    return removeDue;
  }

  public OrderChange claimEvent(String eventId) {
    this.claimEventId = eventId;
    return this;
  }

  public String claimEventId() {
    return claimEventId;
  }

  /** Returned units the same write restocks or writes off (journaled). */
  public OrderChange stockReturn(StockReturn r) {
    this.stockReturns.add(r);
    return this;
  }

  public List<StockReturn> stockReturns() {
    return List.copyOf(stockReturns);
  }

  /** The refusal recorded on the order ({@code refusal}: reason, by, source, at). */
  public OrderChange refusal(Map<String, Object> r) {
    this.refusal = r;
    return this;
  }

  public Map<String, Object> refusal() {
    return refusal;
  }

  /** A return record appended to the order's {@code returns}. */
  public OrderChange returnAdded(Map<String, Object> r) {
    this.returnAdded = r;
    return this;
  }

  public Map<String, Object> returnAdded() {
    return returnAdded;
  }

  /** The return record at {@code index} of {@code returns} replaced (its refund's outcome). */
  public OrderChange returnReplaced(int index, Map<String, Object> r) {
    this.returnIndex = index;
    this.returnReplaced = r;
    return this;
  }

  public Integer returnIndex() {
    return returnIndex;
  }

  public Map<String, Object> returnReplaced() {
    return returnReplaced;
  }
}
