package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.customers.EraseCustomer;
import dev.storeops.customers.ExportCustomerData;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.Map;

/**
 * A customer's data: export (152-FZ art. 14, GDPR art. 15) and erasure (152-FZ art. 21, GDPR art. 17);
 * docs/privacy.md. Both are for the shop's owner only (staff/StaffPermissions, docs/permissions.md); the caller is
 * recorded.
 */
final class StaffPrivacyRoutes {
  private final ExportCustomerData export;
  private final EraseCustomer erase;

  StaffPrivacyRoutes(ExportCustomerData export, EraseCustomer erase) {
    this.export = export;
    this.erase = erase;
  }

  void register(Router router) {
    router
        .on("GET /staff/customers/{id}/export", request -> {
          String by = staffId(request);
          String id = request.pathParameter("id");
          return HttpResponse.json(200, export.export(id, by), Map.of(
              "Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"",
              "Cache-Control", "no-store"));
        })
        .on("POST /staff/customers/{id}/erase", request -> {
          String by = staffId(request);
          return HttpResponse.json(200, erase.erase(request.pathParameter("id"), by));
        });
  }
}
