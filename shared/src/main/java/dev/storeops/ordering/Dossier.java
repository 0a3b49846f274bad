package dev.storeops.ordering;

import dev.storeops.catalog.Money;
import dev.storeops.staff.Manager;

import dev.storeops.customers.ContactHistory;
import dev.storeops.customers.Customer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A customer's dossier for staff: contacts, consent, assigned manager, all orders newest first with
 * their status history, totals, and the first page of the {@link ContactHistory} (calls, mails and SMS with
 * their status, consent changes, staff notes, newest first; docs/customer-dossier.md). The totals count only money really received,
 * net of refunds ({@link ReceivedMoneyPolicy}): an order not paid yet, a cancelled order and a refused
 * parcel bring nothing; the refused and returned orders are counted apart. The order count counts every order.
 */
public record Dossier(Customer customer, Manager manager, List<Map<String, Object>> orders, Totals totals,
    ContactHistory history) {

  /**
   * @param orderCount every order
   * @param paidCount orders whose money came in (prepaid: PAID; cash on delivery: DELIVERED)
   * @param refusedCount parcels refused or not collected (RETURNING, RETURNED): never revenue
   * @param returnedCount orders with at least one return after delivery
   * @param receivedMinor the money that came in
   * @param refundedMinor what went back to the customer (cancellations after payment, refused paid parcels
   *     back, returns refunded by the provider or by hand)
   * @param refundsOwedMinor what is still to go back (a refund task open, a provider not answered yet, a
   *     paid parcel on its way back)
   * @param revenueMinor received − refunded − owed: what the shop keeps
   * @param averageCheckMinor revenue / paid orders, rounded half up
   */
  public record Totals(int orderCount, int cancelledCount, long revenueMinor, String revenueText,
      long averageCheckMinor, String averageCheckText, Instant firstOrderAt, Instant lastOrderAt,
      int paidCount, int refusedCount, int returnedCount, long receivedMinor, long refundedMinor,
      long refundsOwedMinor) {}

  /** A dossier of orders without returns after delivery (tests, tools). */
  public static Dossier of(Customer customer, Manager manager, List<Order> orders) {
    return of(customer, manager, orders, ContactHistory.ofConsent(customer.consentHistory(),
        ContactHistory.DEFAULT_LIMIT));
  }

  public static Dossier of(Customer customer, Manager manager, List<Order> orders, ContactHistory history) {
    return ofOrders(customer, manager, orders.stream().map(o -> new OrderStore.CustomerOrder(o, List.of())).toList(),
        history);
  }

  public static Dossier ofOrders(Customer customer, Manager manager, List<OrderStore.CustomerOrder> orders,
      ContactHistory history) {
    List<OrderStore.CustomerOrder> newestFirst = orders.stream()
        .sorted(Comparator.comparing(OrderStore.CustomerOrder::order, CustomerOrderPages.NEWEST_FIRST)).toList();
    return new Dossier(customer, manager, OrderViews.staff(newestFirst.stream().map(OrderStore.CustomerOrder::order)
        .toList()), totalsOf(newestFirst), history);
  }

  /** The totals of orders without returns after delivery. */
  public static Totals totals(List<Order> orders) {
    return totalsOf(orders.stream().map(o -> new OrderStore.CustomerOrder(o, List.of())).toList());
  }

  public static Totals totalsOf(List<OrderStore.CustomerOrder> orders) {
    int cancelled = 0;
    int paid = 0;
    int refused = 0;
    int returned = 0;
    long received = 0;
    long refunded = 0;
    long owed = 0;
    for (OrderStore.CustomerOrder c : orders) {
      Order o = c.order();
      cancelled += o.status() == OrderStatus.CANCELLED ? 1 : 0;
      refused += o.status().refused() ? 1 : 0;
      returned += c.returns().isEmpty() ? 0 : 1;
      ReceivedMoneyPolicy.Money m = ReceivedMoneyPolicy.of(o, c.returns());
      paid += m.receivedMinor() > 0 && o.status() != OrderStatus.CANCELLED && !o.status().refused() ? 1 : 0;
      received += m.receivedMinor();
      refunded += m.refundedMinor();
      owed += m.owedMinor();
    }
    long revenue = received - refunded - owed;
    long average = paid == 0 ? 0 : Math.round((double) revenue / paid);
    Instant first = orders.stream().map(c -> c.order().createdAt()).min(Comparator.naturalOrder()).orElse(null);
    Instant last = orders.stream().map(c -> c.order().createdAt()).max(Comparator.naturalOrder()).orElse(null);
    return new Totals(orders.size(), cancelled, revenue, Money.rub(revenue), average, Money.rub(average), first, last,
        paid, refused, returned, received, refunded, owed);
  }
}
