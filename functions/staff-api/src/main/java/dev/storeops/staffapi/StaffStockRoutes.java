package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.staffId;

import dev.storeops.catalog.ReadStockMovements;
import dev.storeops.catalog.StockJournal;
import dev.storeops.fulfilment.RepairStockLedger;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff routes of the stock ledger (docs/stock-ledger.md): the movement journal of a SKU, the repair; a
 * SKU's stock per warehouse and its prices over time (docs/stock-import.md#prices).
 */
final class StaffStockRoutes {
  private final ReadStockMovements movements;
  private final RepairStockLedger repair;
  private final dev.storeops.catalog.ReadSkuStock stock;
  private final dev.storeops.catalog.ReadPriceHistory prices;

  StaffStockRoutes(ReadStockMovements movements, RepairStockLedger repair, dev.storeops.catalog.ReadSkuStock stock,
      dev.storeops.catalog.ReadPriceHistory prices) {
    this.movements = movements;
    this.repair = repair;
    this.stock = stock;
    this.prices = prices;
  }

  void register(Router router) {
    router.on("GET /staff/stock/{sku}", request -> HttpResponse.json(200, stock.read(request.pathParameter("sku"))));
    // purchase prices are the shop's margin: the owner's (staff/StaffPermissions)
    // one timeline of supplier prices and shop price changes, paged as every list (docs/api.md#lists)
    router.on("GET /staff/stock/{sku}/prices", request -> HttpResponse.json(200,
        prices.read(request.pathParameter("sku"), request.query("limit").orElse(null),
            request.query("cursor").orElse(null)), Map.of("Cache-Control", "no-store")));
    router.on("POST /staff/stock/repair", request -> {
      var corrected = repair.repair(staffId(request));
      return HttpResponse.json(200, Map.of("corrected", corrected));
    });
    router.on("GET /staff/stock/{sku}/movements", request -> {
      staffId(request);
      String sku = request.pathParameter("sku");
      // the API's one paging convention (docs/api.md): limit + cursor -> nextCursor; `next` is its older name
      StockJournal.Page page = movements.read(sku, request.query("limit").orElse(null),
          request.query("cursor").or(() -> request.query("next")).orElse(null));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sku", sku);
      body.put("movements", page.movements().stream().map(StaffStockRoutes::view).toList());
      body.put("nextCursor", page.next());
      body.put("next", page.next());
      return HttpResponse.json(200, body);
    });
  }

  private static Map<String, Object> view(dev.storeops.catalog.StockMovement m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("at", m.at());
    v.put("warehouse", m.warehouse());
    v.put("movement", m.movement());
    v.put("qty", m.qty());
    v.put("onHandBefore", m.onHandBefore());
    v.put("onHandAfter", m.onHandAfter());
    v.put("reservedBefore", m.reservedBefore());
    v.put("reservedAfter", m.reservedAfter());
    v.put("availableAfter", m.availableAfter());
    v.put("onHandChange", m.onHandChange());
    v.put("reservedChange", m.reservedChange());
    v.put("actor", m.actor());
    v.put("reason", m.reason());
    v.put("ref", m.ref());
    return v;
  }
}
