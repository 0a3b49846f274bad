package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.onlyOwn;
import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.customers.SearchCustomers;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.Map;

/** {@code GET /staff/customers?q=}: find a customer by phone, e-mail or name (customers/SearchCustomers). */
final class StaffCustomerRoutes {
  private final SearchCustomers search;

  StaffCustomerRoutes(SearchCustomers search) {
    this.search = search;
  }

  void register(Router router) {
    router.on("GET /staff/customers", request -> HttpResponse.json(200,
        search.search(request.query("q").orElse(null), staffId(request), onlyOwn(request)),
        Map.of("Cache-Control", "no-store")));
  }
}
