package dev.storeops.staffapi;

import dev.storeops.catalog.RecordPointSale;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;

/**
 * {@code POST /staff/points/{id}/sales}: a shop point's till posts a receipt (docs/points.md). 201 with
 * the sale when recorded now; 200 with the first recording when the receipt was recorded already (a
 * replay decrements nothing).
 */
final class StaffPointRoutes {
  private final RecordPointSale sales;

  StaffPointRoutes(RecordPointSale sales) {
    this.sales = sales;
  }

  void register(Router router) {
    router.on("POST /staff/points/{id}/sales", request -> {
      var result = sales.record(request.pathParameter("id"), request.bodyAs(RecordPointSale.Request.class),
          StaffRequests.staffId(request), "api");
      return HttpResponse.json(result.replayed() ? 200 : 201, result.sale());
    });
  }
}
