package dev.storeops.ordering;

import dev.storeops.catalog.Identifiers;
import dev.storeops.catalog.Catalog;
import dev.storeops.customers.ContactHistory;
import dev.storeops.customers.ContactHistoryReader;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Validation;
import dev.storeops.staff.Manager;
import java.util.Arrays;
import java.util.List;

/** What staff look up: orders by status (and manager), page by page; a customer's dossier. */
public final class OrderQueries {
  static final int MAX_PAGE = 100;
  static final int DEFAULT_PAGE = 25;

  private final Catalog catalog;
  private final OrderStore orders;
  private final CustomerStore customers;
  private final ContactHistoryReader history;

  public OrderQueries(Catalog catalog, OrderStore orders, CustomerStore customers) {
    this(catalog, orders, customers, null);
  }

  /** @param history the customer's calls, mails, SMS, consent steps and notes for the dossier (null: none) */
  public OrderQueries(Catalog catalog, OrderStore orders, CustomerStore customers, ContactHistoryReader history) {
    this.catalog = catalog;
    this.orders = orders;
    this.customers = customers;
    this.history = history;
  }

  public OrderStore.Page orders(String status, String manager, String limit, String cursor) {
    Validation v = new Validation();
    OrderStatus parsed = null;
    if (status == null) {
      v.error("status", "is required, one of " + Arrays.toString(OrderStatus.values()));
    } else {
      parsed = Arrays.stream(OrderStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim()))
          .findFirst().orElse(null);
      if (parsed == null) {
        v.error("status", "must be one of " + Arrays.toString(OrderStatus.values()));
      }
    }
    int size = DEFAULT_PAGE;
    try {
      // the API's one way to read a page size (docs/api.md#lists), listed with the other field errors
      size = PageCursor.limit(limit, DEFAULT_PAGE, MAX_PAGE);
    } catch (Invalid e) {
      e.errors().forEach(err -> v.error(err.field(), err.message()));
    }
    if (manager != null && !Identifiers.validId(manager)) {
      v.error("manager", "is not a valid manager id");
    }
    v.throwIfInvalid();
    return orders.byStatus(parsed, manager, size, cursor);
  }

  /**
   * A customer's orders in the dossier's order (the staff view, newest first), with the customer for the
   * own-work rule; paged by {@link CustomerOrderPages} ({@code GET /staff/customers/{id}/orders}).
   */
  public record CustomerOrders(Customer customer, List<java.util.Map<String, Object>> orders) {}

  /** The customer's orders without the rest of the dossier; 404 for an unknown customer. */
  public CustomerOrders customerOrders(String customerId) {
    Customer customer = customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    return new CustomerOrders(customer, OrderViews.staff(orders.customerOrders(customerId).stream()
        .map(OrderStore.CustomerOrder::order).sorted(CustomerOrderPages.NEWEST_FIRST).toList()));
  }

  public Dossier dossier(String customerId) {
    Customer customer = customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    Manager manager = customer.managerId() == null ? null : catalog.manager(customer.managerId()).orElse(null);
    // the totals count money really received, net of refunds (ReceivedMoneyPolicy; docs/customer-dossier.md)
    // the history is a list: the dossier carries its first page, GET /staff/customers/{id}/history the rest
    return Dossier.ofOrders(customer, manager, orders.customerOrders(customerId),
        historyPage(customer, ContactHistory.DEFAULT_LIMIT, null));
  }

  /** The customer; 404 for an unknown one. */
  public Customer customer(String customerId) {
    return customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
  }

  /** A page of a customer's contact history, with the customer ({@code GET /staff/customers/{id}/history}). */
  public record CustomerHistory(Customer customer, ContactHistory page) {}

  /**
   * The page after {@code cursor} (null: the first) of the customer's contact history, newest first;
   * {@code limit} 1..{@value ContactHistory#MAX_LIMIT}, default {@value ContactHistory#DEFAULT_LIMIT} (a bad
   * one is a 400 on {@code limit}, a cursor not of this customer's history a 400 on {@code cursor}); 404 for
   * an unknown customer.
   */
  public CustomerHistory history(String customerId, String limit, String cursor) {
    int size = PageCursor.limit(limit, ContactHistory.DEFAULT_LIMIT, ContactHistory.MAX_LIMIT);
    Customer customer = customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    return new CustomerHistory(customer, historyPage(customer, size, cursor));
  }

  private ContactHistory historyPage(Customer customer, int limit, String cursor) {
    if (history != null) {
      return history.page(customer, limit, cursor);
    }
    if (cursor != null && !cursor.isBlank()) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
    return ContactHistory.ofConsent(customer.consentHistory(), limit);
  }
}
