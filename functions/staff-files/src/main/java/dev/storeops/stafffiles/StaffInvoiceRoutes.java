package dev.storeops.stafffiles;

import static dev.storeops.stafffiles.StaffRequests.requireOwn;

import dev.storeops.fulfilment.invoices.InvoiceFiles;
import dev.storeops.ordering.Order;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /staff/orders/{id}/invoice}: the bank-transfer invoice of an order as a presigned S3 URL valid for
 * 10 minutes (owner, warehouse; a manager for their own orders); 404 when the order has no invoice.
 */
final class StaffInvoiceRoutes {
  static final Duration LINK_TTL = Duration.ofMinutes(10);
  private final Function<String, Optional<Order>> orders;
  private final InvoiceFiles invoices;
  private final Clock clock;

  /** @param orders an order by its id (staff-files: {@code DynamoOrderReader::find}, GetItem only) */
  StaffInvoiceRoutes(Function<String, Optional<Order>> orders, InvoiceFiles invoices, Clock clock) {
    this.orders = orders;
    this.invoices = invoices;
    this.clock = clock;
  }

  void register(Router router) {
    router.on("GET /staff/orders/{id}/invoice", request -> {
      String id = request.pathParameter("id");
      Order order = orders.apply(id).orElseThrow(() -> new NotFound("Order " + id));
      requireOwn(request, order.managerId(), "Order " + order.id());
      if (!invoices.exists(order.id())) {
        throw ApiException.notFound("The invoice of order " + order.id());
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orderId", order.id());
      body.put("number", order.number());
      body.put("url", invoices.presignedGet(order.id(), LINK_TTL));
      body.put("expiresAt", clock.instant().plus(LINK_TTL));
      return HttpResponse.json(200, body);
    });
  }
}
