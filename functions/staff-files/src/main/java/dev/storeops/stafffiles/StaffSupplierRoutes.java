package dev.storeops.stafffiles;

import static dev.storeops.stafffiles.StaffRequests.staffId;

import dev.storeops.catalog.ReadImportReports;
import dev.storeops.catalog.UploadSupplierFile;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.Map;

/**
 * Supplier files for staff (docs/stock-import.md#staff-console): the import reports, one report with its
 * rejected rows and a link to the rejected-rows file, and a presigned upload into {@code incoming/<supplier>/}.
 */
final class StaffSupplierRoutes {
  private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");
  private final ReadImportReports reports;
  private final UploadSupplierFile upload;

  StaffSupplierRoutes(ReadImportReports reports, UploadSupplierFile upload) {
    this.reports = reports;
    this.upload = upload;
  }

  void register(Router router) {
    router
        .on("GET /staff/imports", request -> HttpResponse.json(200, reports.list(
            request.query("supplier").map(String::strip).filter(s -> !s.isEmpty()).orElse(null),
            request.query("days").orElse(null), request.query("limit").orElse(null),
            request.query("cursor").orElse(null)), NO_STORE))
        .on("GET /staff/imports/{supplier}/{id}", request -> HttpResponse.json(200,
            reports.report(request.pathParameter("supplier"), request.pathParameter("id")), NO_STORE))
        .on("POST /staff/suppliers/{id}/uploads", request -> {
          staffId(request);
          return HttpResponse.json(201, upload.start(request.pathParameter("id"),
              request.bodyAs(UploadSupplierFile.Request.class)), NO_STORE);
        });
  }
}
