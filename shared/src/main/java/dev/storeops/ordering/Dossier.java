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
 * their status history, totals, and the {@link ContactHistory} (calls, mails and SMS with their status,
 * consent changes, staff notes; docs/customer-dossier.md). Revenue and the average check count orders
 * that are not cancelled; the order count counts every order.
 */
public record Dossier(Customer customer, Manager manager, List<Map<String, Object>> orders, Totals totals,
    ContactHistory history) {

  public record Totals(int orderCount, int cancelledCount, long revenueMinor, String revenueText,
      long averageCheckMinor, String averageCheckText, Instant firstOrderAt, Instant lastOrderAt) {}

  public static Dossier of(Customer customer, Manager manager, List<Order> orders) {
    return of(customer, manager, orders, ContactHistory.of(List.of(), List.of(), List.of(),
        customer.consentHistory(), List.of()));
  }

  public static Dossier of(Customer customer, Manager manager, List<Order> orders, ContactHistory history) {
    List<Order> newestFirst = orders.stream().sorted(Comparator.comparing(Order::createdAt).reversed()).toList();
    return new Dossier(customer, manager, OrderViews.staff(newestFirst), totals(newestFirst), history);
  }

  public static Totals totals(List<Order> orders) {
    List<Order> kept = orders.stream().filter(o -> o.status() != OrderStatus.CANCELLED).toList();
    long revenue = kept.stream().mapToLong(Order::totalMinor).sum();
    long average = kept.isEmpty() ? 0 : Math.round((double) revenue / kept.size());
    Instant first = orders.stream().map(Order::createdAt).min(Comparator.naturalOrder()).orElse(null);
    Instant last = orders.stream().map(Order::createdAt).max(Comparator.naturalOrder()).orElse(null);
    return new Totals(orders.size(), orders.size() - kept.size(), revenue, Money.rub(revenue), average,
        Money.rub(average), first, last);
  }
}
