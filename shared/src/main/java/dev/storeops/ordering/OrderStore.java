package dev.storeops.ordering;

import dev.storeops.catalog.Reservation;

import java.util.List;
import java.util.Optional;

/** Where orders are kept. */
public interface OrderStore {
  Optional<IdempotencyRecord> findIdempotency(String keyHash);

  /**
   * Writes, all or nothing in one transaction: the order, its idempotency record, its number claim,
   * the cart close (when {@code order.cartId()} is set) and one stock reservation per {@code
   * order.reservations()} entry (condition: available ≥ qty), and the order's announce item
   * ({@link OrderAnnouncements}: so storing and announcing cannot come apart); with {@code order.promo()}
   * also the code's use (its counter conditioned on {@code uses < maxUses}, the customer's use item
   * conditioned on none being open), so concurrent orders cannot spend one use twice.
   *
   * @throws CreateFailed naming what stopped it
   */
  void create(Order order, IdempotencyRecord idempotency);

  Optional<Order> find(String id);

  /** All orders of a customer, newest first. */
  List<Order> ordersOfCustomer(String customerId);

  /** An order with the refunds of its returns after delivery (the order item's {@code returns}). */
  record CustomerOrder(Order order, List<ReceivedMoneyPolicy.ReturnRefund> returns) {
    public CustomerOrder {
      returns = List.copyOf(returns);
    }
  }

  /** All orders of a customer, newest first, with their returns' refunds (the dossier's money; one Query). */
  List<CustomerOrder> customerOrders(String customerId);

  /** One page of orders in {@code status}, newest first, optionally only those of {@code managerId}. */
  Page byStatus(OrderStatus status, String managerId, int limit, String cursor);

  /**
   * Assigns the manager once: sets the order's and the customer's manager and adds 1 to the
   * manager's open orders, in one transaction conditioned on the order having no manager yet.
   *
   * @return false when the order already had a manager (nothing changed)
   */
  boolean assignManager(Order order, String managerId);

  /**
   * Moves an open order from its manager ({@code order.managerId()}, null = unassigned) to {@code
   * newManagerId} in one transaction: the order's manager (conditioned on the status and manager as
   * read, and bumping its revision so a concurrent rule write reads again), the customer's manager,
   * the old manager's open orders − 1 and the new manager's + 1.
   *
   * @return false when the order changed meanwhile (nothing changed)
   */
  boolean reassignManager(Order order, String newManagerId);

  /** Sets a marker attribute once; false when it was already set (the step already ran). */
  boolean markOnce(String orderId, String marker);

  boolean hasMarker(String orderId, String marker);

  /**
   * Sets each of {@code markers} that is not set yet, in one write where the store allows (DynamoDB: one
   * UpdateItem); a marker already set keeps its time.
   */
  default void mark(String orderId, java.util.Set<String> markers) {
    markers.forEach(m -> markOnce(orderId, m));
  }

  /** An order and which of the asked markers it carries ({@link #markOnce}), read together. */
  record Marked(Order order, java.util.Set<String> markers) {}

  /** The order with which of {@code markers} it carries: one read where the store allows (DynamoDB: one GetItem). */
  default Optional<Marked> findMarked(String id, java.util.Set<String> markers) {
    return find(id).map(o -> new Marked(o, markers.stream().filter(m -> hasMarker(id, m))
        .collect(java.util.stream.Collectors.toUnmodifiableSet())));
  }

  record Page(List<Order> orders, String nextCursor) {}

  /** Why a create transaction was cancelled. */
  final class CreateFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code PROMO_USED}: the promo code's use (its counter or the customer's use) was taken meanwhile. */
    public enum Reason { IDEMPOTENCY_KEY_USED, NUMBER_TAKEN, CART_CLOSED, STOCK, CONTENTION, PROMO_USED }

    private final Reason reason;
    private final transient List<Reservation> failedReservations;

    public CreateFailed(Reason reason, List<Reservation> failedReservations) {
      super(reason.name(), null, false, false);
      this.reason = reason;
      this.failedReservations = List.copyOf(failedReservations);
    }

    public Reason reason() {
      return reason;
    }

    public List<Reservation> failedReservations() {
      return failedReservations;
    }
  }
}
