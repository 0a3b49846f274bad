package dev.storeops.staffapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.reporting.Expiring;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.SalesReport;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.s3.S3SupplierTerms;
import java.time.Clock;
import java.time.ZoneId;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff API under {@code /staff} (HTTP API with the StaffJwt authorizer): the JWT {@code sub}
 * claim is the staff member's id. Thin: routes → {@link OrderService} / {@link StaffService}.
 */
public final class StaffApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public StaffApiHandler() {
    this(Env.system());
  }

  public StaffApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests of the timing rules). */
  public StaffApiHandler(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    OrderComponents c = OrderComponents.build(clients.dynamoDb(), clients.sqs(), env.required("TABLE_NAME"),
        env.required("ORDER_EVENTS_QUEUE_URL"),
        new OrderLimits(OrderLimits.MAX_LINES, env.optionalInt("MAX_LINE_QTY", 99)),
        env.optional("DEFAULT_LOCALE", "ru"), clock,
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")));
    OrderService orders = c.orderService();
    StaffService staff = new StaffService(c.catalog(), c.orders(), c.customerStore(), clock);
    ReportService reports = new ReportService(new DynamoReportStore(clients.dynamoDb(), env.required("TABLE_NAME")),
        new S3SupplierTerms(clients.s3(), env.required("SUPPLIER_BUCKET")), clock,
        ZoneId.of(env.optional("SHOP_TIME_ZONE", "Europe/Moscow")),
        env.optionalInt("REPORT_COVER_DAYS", PurchasePlanner.DEFAULT_COVER_DAYS));
    FlowComponents flowComponents = FlowComponents.build(clients.dynamoDb(), env.required("TABLE_NAME"),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), flowSettings(env), clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation());
    // a delivered order gets its review request N days later (issue 7 flow; idempotent per order)
    DynamoReviewRequests reviews = new DynamoReviewRequests(clients.dynamoDb(), env.required("TABLE_NAME"));
    StaffFlowRoutes flowRoutes = new StaffFlowRoutes(flowComponents.flow(), flowComponents.tasks(), clock,
        file -> reviews.scheduleAfterDelivery(file.order().id(), file.order().customerId(),
            file.order().statusHistory().get(file.order().statusHistory().size() - 1).at()));

    this.router = new Router()
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
          OrderStore.Page page = staff.orders(request.query("status").orElse(null),
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
          return HttpResponse.json(200, staff.dossier(request.pathParameter("id")));
        })
        .on("PUT /staff/products/{sku}", request -> {
          staffId(request);
          return HttpResponse.json(200, staff.putProduct(request.pathParameter("sku"),
              request.bodyAs(StaffService.ProductRequest.class)));
        })
        .on("PUT /staff/managers/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, staff.putManager(request.pathParameter("id"),
              request.bodyAs(StaffService.ManagerRequest.class)));
        })
        .on("PUT /staff/warehouses/{id}", request -> {
          staffId(request);
          return HttpResponse.json(200, staff.putWarehouse(request.pathParameter("id"),
              request.bodyAs(StaffService.WarehouseRequest.class)));
        })
        .on("PUT /staff/stock/{sku}/{warehouse}", request -> {
          staffId(request);
          return HttpResponse.json(200, staff.setStock(request.pathParameter("sku"),
              request.pathParameter("warehouse"), request.bodyAs(StaffService.StockRequest.class)));
        })
        .on("GET /staff/reports/sales", request -> {
          staffId(request);
          SalesReport.Result r = reports.sales(request.query("from").orElse(null), request.query("to").orElse(null),
              request.query("groupBy").orElse(null));
          return wantsCsv(request) ? csv("sales-" + r.from() + "-" + r.to() + ".csv", SalesReport.csv(r))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/expiring", request -> {
          staffId(request);
          ReportService.ExpiringReport r = reports.expiring(request.query("days").orElse(null));
          return wantsCsv(request) ? csv("expiring-" + r.today() + ".csv", Expiring.csv(r.items()))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/purchase-list", request -> {
          staffId(request);
          var lists = reports.purchaseLists(request.query("supplier").orElse(null),
              request.query("coverDays").orElse(null));
          return wantsCsv(request) ? csv("purchase-list.csv", PurchasePlanner.csv(lists))
              : HttpResponse.json(200, Map.of("suppliers", lists));
        });
    flowRoutes.register(router);
  }

  /** The payment and follow-up rules' settings (docs/payments.md lists the variables and defaults). */
  static FlowSettings flowSettings(Env env) {
    return new FlowSettings(Duration.ofHours(env.optionalInt("PAYMENT_REMINDER_HOURS", 72)),
        Duration.ofHours(env.optionalInt("PAYMENT_GRACE_HOURS", 48)), env.optionalInt("MAX_NO_ANSWER_CALLS", 3),
        Duration.ofMinutes(env.optionalInt("TASK_DUE_MINUTES", 120)),
        Duration.ofMinutes(env.optionalInt("URGENT_TASK_DUE_MINUTES", 30)));
  }

  /** The staff member's id: the JWT's {@code sub}. API Gateway rejects calls without a valid JWT first. */
  static String staffId(HttpRequest request) {
    String sub = request.jwtClaims().get("sub");
    if (sub == null || sub.isBlank()) {
      throw ApiException.unauthorized("A staff JWT with a sub claim is required.");
    }
    return sub;
  }

  /** {@code Accept: text/csv} asks for CSV; anything else gets JSON. */
  static boolean wantsCsv(HttpRequest request) {
    return request.header("Accept").map(a -> a.toLowerCase(java.util.Locale.ROOT).contains("text/csv")).orElse(false);
  }

  private static APIGatewayV2HTTPResponse csv(String fileName, String body) {
    return HttpResponse.of(200, "text/csv", body, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event);
  }
}
