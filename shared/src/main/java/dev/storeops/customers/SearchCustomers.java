package dev.storeops.customers;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff find a customer by phone, e-mail or name ({@code GET /staff/customers?q=}): one key lookup
 * (the e-mail claim, the phone entries, or a name-prefix key range), then the profiles found; what the
 * caller is shown follows {@link CustomerSearchScope}. Pages as every list does (docs/api.md): {@code
 * limit} + {@code cursor} → {@code nextCursor}. A customer filed under several name terms matching the
 * prefix is shown once, at the entry of the first of its current terms that matches (so once across
 * pages too; an entry left over from an older name shows nothing).
 */
public final class SearchCustomers {
  /** At most this many customers are returned by default. */
  public static final int LIMIT = 20;
  public static final int MAX_LIMIT = 100;

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

  /** One page of results; {@code nextCursor} null on the last (a page may hold fewer than the limit). */
  public record Result(String query, CustomerSearchTerms.Kind kind, List<Found> customers, String nextCursor) {}

  public Result search(String q, String callerId, boolean onlyOwn) {
    return search(q, callerId, onlyOwn, null, null);
  }

  public Result search(String q, String callerId, boolean onlyOwn, String limitParam, String cursor) {
    CustomerSearchTerms.Query query = CustomerSearchTerms.query(q);
    int limit = PageCursor.limit(limitParam, LIMIT, MAX_LIMIT);
    if (query.kind() == CustomerSearchTerms.Kind.EMAIL) {
      if (cursor != null) {
        throw Invalid.field("cursor", "an e-mail search has one page");
      }
      List<Found> found = customers.findIdByEmail(query.value()).flatMap(customers::find)
          .filter(c -> CustomerSearchScope.shows(query.kind(), c, callerId, onlyOwn)).map(Found::of).stream().toList();
      return new Result(q.strip(), query.kind(), found, null);
    }
    // a manager's name search is filtered afterwards: read more entries so their few still show
    int read = query.kind() == CustomerSearchTerms.Kind.NAME && onlyOwn ? Math.min(limit * 5, 250) : limit;
    CustomerSearchIndex.Entries page = query.kind() == CustomerSearchTerms.Kind.PHONE
        ? index.byPhone(query.value(), read, cursor)
        : index.byNamePrefix(query.bucket(), query.value(), read, cursor);
    List<Found> found = new ArrayList<>();
    String next = page.nextCursor();
    for (int i = 0; i < page.entries().size(); i++) {
      CustomerSearchIndex.Entry entry = page.entries().get(i);
      Optional<Customer> customer = customers.find(entry.customerId());
      if (customer.isPresent() && filedHere(query, entry, customer.get())
          && CustomerSearchScope.shows(query.kind(), customer.get(), callerId, onlyOwn)) {
        found.add(Found.of(customer.get()));
      }
      if (found.size() == limit && i < page.entries().size() - 1) {
        next = entry.cursorAfter();
        break;
      }
    }
    return new Result(q.strip(), query.kind(), found, next);
  }

  /** Whether this entry is where the customer shows: the first of its current terms that the query matches. */
  private static boolean filedHere(CustomerSearchTerms.Query query, CustomerSearchIndex.Entry entry, Customer customer) {
    Set<String> seen = new LinkedHashSet<>();
    for (CustomerSearchTerms.Term term : CustomerSearchTerms.of(customer)) {
      if (term.kind() != query.kind()) {
        continue;
      }
      boolean matches = query.kind() == CustomerSearchTerms.Kind.PHONE ? term.text().equals(query.value())
          : term.text().startsWith(query.value());
      if (matches && seen.add(term.text())) {
        return term.text().equals(entry.text());
      }
    }
    return false;
  }
}
