package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.onlyOwn;
import static dev.storeops.staffapi.StaffRequests.requireOwn;
import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.customers.AddCustomerNote;
import dev.storeops.customers.CustomerNote;
import dev.storeops.customers.RebuildCustomerSearch;
import dev.storeops.customers.SearchCustomers;
import dev.storeops.messaging.sms.SetSmsConsent;
import dev.storeops.ordering.Dossier;
import dev.storeops.ordering.OrderQueries;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.Map;

/**
 * {@code GET /staff/customers?q=}: find a customer by phone, e-mail or name (customers/SearchCustomers);
 * {@code POST /staff/customers/{id}/notes}: a staff note in the dossier (customers/AddCustomerNote; a
 * manager only on their own customers, as the dossier); {@code POST /staff/customers/search-index/rebuild}:
 * file the customers registered before the search existed, page by page (customers/RebuildCustomerSearch);
 * {@code PUT /staff/customers/{id}/sms-consent}: the customer's SMS choice as they asked
 * (messaging/sms/SetSmsConsent; the owner, or the customer's own manager).
 */
final class StaffCustomerRoutes {
  private final SearchCustomers search;
  private final AddCustomerNote notes;
  private final RebuildCustomerSearch rebuild;
  private final OrderQueries queries;
  private final SetSmsConsent smsConsent;

  StaffCustomerRoutes(SearchCustomers search, AddCustomerNote notes, RebuildCustomerSearch rebuild,
      OrderQueries queries, SetSmsConsent smsConsent) {
    this.smsConsent = smsConsent;
    this.search = search;
    this.notes = notes;
    this.rebuild = rebuild;
    this.queries = queries;
  }

  void register(Router router) {
    router
        .on("GET /staff/customers", request -> HttpResponse.json(200,
            // the API's one paging convention (docs/api.md): limit + cursor -> nextCursor
            search.search(request.query("q").orElse(null), staffId(request), onlyOwn(request),
                request.query("limit").orElse(null), request.query("cursor").orElse(null)),
            Map.of("Cache-Control", "no-store")))
        .on("POST /staff/customers/{id}/notes", request -> {
          String id = request.pathParameter("id");
          AddCustomerNote.Request body = request.bodyAs(AddCustomerNote.Request.class);
          if (onlyOwn(request)) {
            requireOwnCustomer(request, queries.dossier(id));
          }
          CustomerNote note = notes.add(id, body, staffId(request));
          return HttpResponse.json(201, note, Map.of("Cache-Control", "no-store"));
        })
        .on("PUT /staff/customers/{id}/sms-consent", request -> {
          String id = request.pathParameter("id");
          SetSmsConsent.Request body = request.bodyAs(SetSmsConsent.Request.class);
          if (onlyOwn(request)) {
            requireOwnCustomer(request, queries.dossier(id));
          }
          return HttpResponse.json(200, smsConsent.set(id, body, staffId(request), request.requestId()),
              Map.of("Cache-Control", "no-store"));
        })
        .on("POST /staff/customers/search-index/rebuild", request -> HttpResponse.json(200,
            rebuild.rebuild(request.bodyBytes().length == 0 ? null : request.bodyAs(RebuildCustomerSearch.Request.class),
                staffId(request))));
  }

  /**
   * The own-work rule on a customer: theirs by assignment, or one of their orders is the manager's.
   * The dossier route and the notes route use this one rule.
   */
  static void requireOwnCustomer(dev.storeops.platform.http.HttpRequest request, Dossier dossier) {
    requireOwnCustomer(request, dossier.customer(), dossier.orders());
  }

  /** The same rule on a customer and all of their orders (the staff views; {@code GET /staff/customers/{id}/orders}). */
  static void requireOwnCustomer(dev.storeops.platform.http.HttpRequest request, dev.storeops.customers.Customer customer,
      java.util.List<Map<String, Object>> orders) {
    String me = staffId(request);
    boolean mine = me.equals(customer.managerId()) || orders.stream().anyMatch(o -> me.equals(o.get("managerId")));
    requireOwn(request, mine ? me : customer.managerId(), "Customer " + customer.id());
  }
}
