package dev.storeops.staffapi;

import dev.storeops.fulfilment.OrderFile;
import dev.storeops.fulfilment.ReceiveReturnedParcel;
import dev.storeops.fulfilment.RefusalPolicy;
import dev.storeops.fulfilment.RefuseParcel;
import dev.storeops.fulfilment.RegisterReturn;
import dev.storeops.fulfilment.ReturnPolicy;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Returns and refused parcels (docs/returns.md): a refusal registered by the owner or the order's
 * manager, the refused parcel received back by the warehouse, returns after delivery (warehouse, owner)
 * and the order's returns with their refunds. Thin: parse → use case → view.
 */
final class StaffReturnRoutes {
  private final RefuseParcel refuse;
  private final ReceiveReturnedParcel receive;
  private final RegisterReturn returns;
  private final Function<String, OrderFile> files;
  private final Clock clock;

  StaffReturnRoutes(RefuseParcel refuse, ReceiveReturnedParcel receive, RegisterReturn returns,
      Function<String, OrderFile> files, Clock clock) {
    this.refuse = refuse;
    this.receive = receive;
    this.returns = returns;
    this.files = files;
    this.clock = clock;
  }

  /** The body of {@code POST /staff/orders/{id}/refusal}. */
  public record Refusal(String reason) {}

  void register(Router router) {
    router
        .on("POST /staff/orders/{id}/refusal", request -> {
          requireOwnOrder(request);
          Refusal body = request.bodyAs(Refusal.class);
          RefusalPolicy.Reason reason = RefusalPolicy.Reason.parse(body == null ? null : body.reason(), "reason");
          return HttpResponse.json(200, refuse.refuse(request.pathParameter("id"), reason,
              StaffRequests.staffId(request), clock.instant()).view());
        })
        .on("POST /staff/orders/{id}/returned-parcel", request -> HttpResponse.json(200,
            receive.receive(request.pathParameter("id"), StaffRequests.staffId(request)).view()))
        .on("POST /staff/orders/{id}/returns", request -> {
          ReturnPolicy.Request body = request.bodyAs(ReturnPolicy.Request.class);
          RegisterReturn.Result r = returns.register(request.pathParameter("id"), StaffRequests.staffId(request), body,
              request.header("Idempotency-Key").orElse(null));
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("orderId", r.file().order().id());
          view.put("status", r.file().order().status());
          view.put("return", RegisterReturn.view(r.returned()));
          return HttpResponse.json(r.replayed() ? 200 : 201, view,
              Map.of("Idempotent-Replayed", Boolean.toString(r.replayed())));
        })
        .on("GET /staff/orders/{id}/returns", request -> {
          OrderFile f = requireOwnOrder(request);
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("orderId", f.order().id());
          view.put("status", f.order().status());
          view.put("refusal", f.refusal());
          view.put("returns", RegisterReturn.view(f));
          return HttpResponse.json(200, view);
        });
  }

  /** The own-work rule on the order in the path (read before anything is written). */
  private OrderFile requireOwnOrder(HttpRequest request) {
    OrderFile f = files.apply(request.pathParameter("id"));
    StaffRequests.requireOwn(request, f.order().managerId(), "Order " + f.order().id());
    return f;
  }
}
