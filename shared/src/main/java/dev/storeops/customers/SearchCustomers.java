package dev.storeops.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff find a customer by phone, e-mail or name ({@code GET /staff/customers?q=}): one key lookup
 * (the e-mail claim, the phone entries, or a name-prefix key range), then the profiles found; what the
 * caller is shown follows {@link CustomerSearchScope}.
 */
public final class SearchCustomers {
  /** At most this many customers are returned. */
  public static final int LIMIT = 20;

  private final CustomerStore customers;
  private final CustomerSearchIndex index;

  public SearchCustomers(CustomerStore customers, CustomerSearchIndex index) {
    this.customers = customers;
    this.index = index;
  }

  /** A customer as a search result: enough to pick the right one and open the dossier. */
  public record Found(String id, String name, String email, String phone, String managerId, Instant createdAt) {
    static Found of(Customer c) {
      return new Found(c.id(), c.name(), c.email(), c.phone(), c.managerId(), c.createdAt());
    }
  }

  public record Result(String query, CustomerSearchTerms.Kind kind, List<Found> customers) {}

  public Result search(String q, String callerId, boolean onlyOwn) {
    CustomerSearchTerms.Query query = CustomerSearchTerms.query(q);
    List<String> ids = switch (query.kind()) {
      case EMAIL -> customers.findIdByEmail(query.value()).map(List::of).orElse(List.of());
      case PHONE -> index.byPhone(query.value(), LIMIT);
      // a manager's name search is filtered afterwards: read more so their few still show
      case NAME -> index.byNamePrefix(query.bucket(), query.value(), onlyOwn ? LIMIT * 5 : LIMIT);
    };
    Set<String> distinct = new LinkedHashSet<>(ids);
    List<Found> found = new ArrayList<>();
    for (String id : distinct) {
      Optional<Customer> customer = customers.find(id);
      if (customer.isPresent() && CustomerSearchScope.shows(query.kind(), customer.get(), callerId, onlyOwn)) {
        found.add(Found.of(customer.get()));
      }
      if (found.size() == LIMIT) {
        break;
      }
    }
    return new Result(q.strip(), query.kind(), found);
  }
}
