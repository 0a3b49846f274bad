package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.csv;
import static dev.storeops.staffapi.StaffRequests.wantsCsv;

import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.ProductReport;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.SalesReport;
import java.util.Map;

/** {@code GET /staff/reports/*}: JSON, or CSV for {@code Accept: text/csv}. */
final class StaffReportRoutes {
  private final ReportService reports;

  StaffReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  void register(Router router) {
    router
        .on("GET /staff/reports/sales", request -> {
          SalesReport.Result r = reports.sales(request.query("from").orElse(null), request.query("to").orElse(null),
              request.query("groupBy").orElse(null));
          return wantsCsv(request) ? csv("sales-" + r.from() + "-" + r.to() + ".csv", SalesReport.csv(r))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/products", request -> {
          ProductReport.Result r = reports.products(request.query("from").orElse(null), request.query("to").orElse(null),
              request.query("period").orElse(null));
          return wantsCsv(request) ? csv("products-" + r.from() + "-" + r.to() + ".csv", ProductReport.csv(r))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/cancellations", request -> {
          SalesReport.Result r = reports.sales(request.query("from").orElse(null), request.query("to").orElse(null),
              "day");
          if (wantsCsv(request)) {
            return csv("cancellations-" + r.from() + "-" + r.to() + ".csv", SalesReport.cancellationsCsv(r));
          }
          Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("from", r.from());
          body.put("to", r.to());
          body.put("cancelled", r.total().cancelled());
          body.put("cancelledMinor", r.total().cancelledMinor());
          body.put("byReason", r.cancellationsByReason());
          return HttpResponse.json(200, body);
        })
        .on("GET /staff/reports/expiring", request -> {
          ReportService.ExpiringReport r = reports.expiring(request.query("days").orElse(null));
          return wantsCsv(request) ? csv("expiring-" + r.today() + ".csv", Expiring.csv(r.items()))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/purchase-list", request -> {
          var lists = reports.purchaseLists(request.query("supplier").orElse(null),
              request.query("coverDays").orElse(null));
          return wantsCsv(request) ? csv("purchase-list.csv", PurchasePlanner.csv(lists))
              : HttpResponse.json(200, Map.of("suppliers", lists));
        });
  }
}
