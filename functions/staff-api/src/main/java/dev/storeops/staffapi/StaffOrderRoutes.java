package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.onlyOwn;
import static dev.storeops.staffapi.StaffRequests.requireOwn;
import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.catalog.ManageCatalog;
import dev.storeops.ordering.OrderQueries;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.CustomerOrderPages;
import dev.storeops.ordering.Dossier;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.ReassignOrder;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.metrics.ShopMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff routes of orders, customers, products, managers, warehouses and stock. Thin: parse → service →
 * view. A manager sees only their own orders and the customers of those orders ({@code
 * staff/StaffPermissions}); the owner reassigns orders.
 */
final class StaffOrderRoutes {
  private final OrderService orders;
  private final OrderQueries queries;
  private final ManageCatalog catalog;
  private final ReassignOrder reassign;
  private final ShopMetrics metrics;
  private final java.util.function.Function<String, dev.storeops.fulfilment.OrderFile> files;

  /** @param files an order's full file (payments, calls, shipment: {@code fulfilment/OrderFlow.get}) */
  StaffOrderRoutes(OrderService orders, OrderQueries queries, ManageCatalog catalog, ReassignOrder reassign,
      ShopMetrics metrics, java.util.function.Function<String, dev.storeops.fulfilment.OrderFile> files) {
    this.files = files;
    this.orders = orders;
    this.queries = queries;
    this.catalog = catalog;
    this.reassign = reassign;
    this.metrics = metrics;
  }

  void register(Router router) {
    router
        .on("POST /staff/orders", request -> {
          OrderRequest body = request.bodyAs(OrderRequest.class);
          OrderService.Placed placed = orders.place(request.header("Idempotency-Key").orElse(null),
              request.bodyBytes(), body, OrderService.Origin.staff(staffId(request)));
          if (!placed.replayed()) {
            metrics.orderPlaced(placed.order().channel().name());
          }
          return HttpResponse.json(201, OrderViews.staff(placed.order()), Map.of(
              "Location", "/staff/orders/" + placed.order().id(),
              "Idempotent-Replayed", Boolean.toString(placed.replayed())));
        })
        .on("GET /staff/orders", request -> {
          String manager = request.query("manager").orElse(null);
          if (onlyOwn(request)) {
            // a manager's list is their own orders; asking for someone else's is refused, not widened
            String me = staffId(request);
            if (manager != null && !manager.equals(me)) {
              requireOwn(request, manager, "The order list of " + manager);
            }
            manager = me;
          }
          OrderStore.Page page = queries.orders(request.query("status").orElse(null),
              manager, request.query("limit").orElse(null),
              request.query("cursor").orElse(null));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("orders", OrderViews.staff(page.orders()));
          body.put("nextCursor", page.nextCursor());
          return HttpResponse.json(200, body);
        })
        .on("GET /staff/orders/{id}", request -> {
          // the order with its payments, calls and shipment, as the actions answer it
          dev.storeops.fulfilment.OrderFile file = files.apply(request.pathParameter("id"));
          requireOwn(request, file.order().managerId(), "Order " + file.order().id());
          return HttpResponse.json(200, file.view());
        })
        .on("PUT /staff/orders/{id}/manager", request -> HttpResponse.json(200, OrderViews.staff(
            reassign.reassign(request.pathParameter("id"), request.bodyAs(ReassignOrder.Request.class),
                staffId(request)))))
        .on("GET /staff/customers/{id}", request -> {
          Dossier dossier = queries.dossier(request.pathParameter("id"));
          if (onlyOwn(request)) {
            // a customer of the manager's: theirs by assignment, or one of their orders is the manager's
            StaffCustomerRoutes.requireOwnCustomer(request, dossier);
          }
          // the orders are a list: the dossier carries their first page, GET /staff/customers/{id}/orders the rest
          CustomerOrderPages.Page orders = CustomerOrderPages.page(dossier.orders(), request.query("limit").orElse(null),
              null);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("customer", dossier.customer());
          body.put("manager", dossier.manager());
          body.put("orders", orders.orders());
          body.put("ordersNextCursor", orders.nextCursor());
          body.put("totals", dossier.totals());
          // the contact history is a list too: its first page, GET /staff/customers/{id}/history the rest
          body.put("history", dossier.history().entries());
          body.put("historyNextCursor", dossier.history().nextCursor());
          return HttpResponse.json(200, body, java.util.Map.of("Cache-Control", "no-store"));
        })
        .on("GET /staff/customers/{id}/history", request -> {
          // the API's one paging convention (docs/api.md#lists): limit + cursor -> nextCursor
          String id = request.pathParameter("id");
          // a manager's own customer: assigned to them (the profile says so), else one of their orders is theirs
          if (onlyOwn(request) && !staffId(request).equals(queries.customer(id).managerId())) {
            OrderQueries.CustomerOrders all = queries.customerOrders(id);
            StaffCustomerRoutes.requireOwnCustomer(request, all.customer(), all.orders());
          }
          OrderQueries.CustomerHistory history = queries.history(id, request.query("limit").orElse(null),
              request.query("cursor").orElse(null));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("customerId", history.customer().id());
          body.put("entries", history.page().entries());
          body.put("nextCursor", history.page().nextCursor());
          return HttpResponse.json(200, body, java.util.Map.of("Cache-Control", "no-store"));
        })
        .on("GET /staff/customers/{id}/orders", request -> {
          // the API's one paging convention (docs/api.md#lists): limit + cursor -> nextCursor
          OrderQueries.CustomerOrders all = queries.customerOrders(request.pathParameter("id"));
          if (onlyOwn(request)) {
            StaffCustomerRoutes.requireOwnCustomer(request, all.customer(), all.orders());
          }
          CustomerOrderPages.Page page = CustomerOrderPages.page(all.orders(), request.query("limit").orElse(null),
              request.query("cursor").orElse(null));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("customerId", all.customer().id());
          body.put("orders", page.orders());
          body.put("nextCursor", page.nextCursor());
          return HttpResponse.json(200, body, java.util.Map.of("Cache-Control", "no-store"));
        })
        .on("PUT /staff/products/{sku}", request -> HttpResponse.json(200, catalog.putProduct(
            request.pathParameter("sku"), request.bodyAs(ManageCatalog.ProductRequest.class))))
        .on("PUT /staff/managers/{id}", request -> {
          return HttpResponse.json(200, catalog.putManager(request.pathParameter("id"),
              request.bodyAs(ManageCatalog.ManagerRequest.class)));
        })
        .on("PUT /staff/warehouses/{id}", request -> {
          return HttpResponse.json(200, catalog.putWarehouse(request.pathParameter("id"),
              request.bodyAs(ManageCatalog.WarehouseRequest.class)));
        })
        .on("PUT /staff/stock/{sku}/{warehouse}", request -> {
          return HttpResponse.json(200, catalog.setStock(request.pathParameter("sku"),
              request.pathParameter("warehouse"), request.bodyAs(ManageCatalog.StockRequest.class), staffId(request)));
        });
  }
}
