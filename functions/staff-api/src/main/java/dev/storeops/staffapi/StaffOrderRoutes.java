package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.catalog.ManageCatalog;
import dev.storeops.ordering.OrderQueries;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.OrderViews;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/** Staff routes of orders, customers, products, managers, warehouses and stock. Thin: parse → service → view. */
final class StaffOrderRoutes {
  private final OrderService orders;
  private final OrderQueries queries;
  private final ManageCatalog catalog;

  StaffOrderRoutes(OrderService orders, OrderQueries queries, ManageCatalog catalog) {
    this.orders = orders;
    this.queries = queries;
    this.catalog = catalog;
  }

  void register(Router router) {
    router
        .on("POST /staff/orders", request -> {
          OrderRequest body = request.bodyAs(OrderRequest.class);
          OrderService.Placed placed = orders.place(request.header("Idempotency-Key").orElse(null),
              request.bodyBytes(), body, OrderService.Origin.staff(staffId(request)));
          return HttpResponse.json(201, OrderViews.staff(placed.order()), Map.of(
              "Location", "/staff/orders/" + placed.order().id(),
              "Idempotent-Replayed", Boolean.toString(placed.replayed())));
        })
        .on("GET /staff/orders", request -> {
          staffId(request);
          OrderStore.Page page = queries.orders(request.query("status").orElse(null),
              request.query("manager").orElse(null), request.query("limit").orElse(null),
              request.query("cursor").orElse(null));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("orders", OrderViews.staff(page.orders()));
          body.put("nextCursor", page.nextCursor());
          return HttpResponse.json(200, body);
        })
        .on("GET /staff/orders/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, OrderViews.staff(orders.get(request.pathParameter("id"))));
        })
        .on("GET /staff/customers/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, queries.dossier(request.pathParameter("id")));
        })
        .on("PUT /staff/products/{sku}", request -> {
          staffId(request);
          return HttpResponse.json(200, catalog.putProduct(request.pathParameter("sku"),
              request.bodyAs(ManageCatalog.ProductRequest.class)));
        })
        .on("PUT /staff/managers/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, catalog.putManager(request.pathParameter("id"),
              request.bodyAs(ManageCatalog.ManagerRequest.class)));
        })
        .on("PUT /staff/warehouses/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, catalog.putWarehouse(request.pathParameter("id"),
              request.bodyAs(ManageCatalog.WarehouseRequest.class)));
        })
        .on("PUT /staff/stock/{sku}/{warehouse}", request -> {
          return HttpResponse.json(200, catalog.setStock(request.pathParameter("sku"),
              request.pathParameter("warehouse"), request.bodyAs(ManageCatalog.StockRequest.class), staffId(request)));
        });
  }
}
