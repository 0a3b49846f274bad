package dev.storeops.orderapi;

import dev.storeops.messaging.WelcomeMail;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.CartService;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the storefront API once per container: the services and the routes. Each route parses the
 * request, calls a service and maps the result.
 */
final class OrderApiWiring {
  private OrderApiWiring() {}

  static Router router(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    return router(env, clients.dynamoDb(), clients.sqs(), clock, metrics);
  }

  static Router router(Env env, DynamoDbClient dynamo, SqsClient sqs, Clock clock, Metrics metrics) {
    ShopMetrics shopMetrics = new ShopMetrics(metrics);
    String table = env.required("TABLE_NAME");
    ShopSettings shop = ShopSettings.from(env);
    OrderComponents c = OrderComponents.build(dynamo, sqs, table, env.required("ORDER_EVENTS_QUEUE_URL"),
        OrderLimits.from(env), shop.defaultLocale(), clock,
        WelcomeMail.onRegistered(new SqsMailOutbox(sqs, env.required("EMAIL_QUEUE_URL"))));
    CustomerService customers = c.customers();
    OrderService orders = c.orderService();
    CartService carts = c.cartService();
    // recommendations read only the report items and the catalog (no S3: supplier terms are not needed)
    ReportService reports = new ReportService(new DynamoReportStore(dynamo, table), null, clock, shop.zone(), 0);

    return new Router()
        .on("POST /customers", request -> {
          Customer created = customers.register(request.bodyAs(CustomerRegistration.class));
          return HttpResponse.json(201, created, Map.of("Location", "/customers/" + created.id()));
        })
        .on("GET /customers/{id}", request -> HttpResponse.json(200, customers.get(request.pathParameter("id"))))
        .on("POST /orders", request -> {
          OrderRequest body = request.bodyAs(OrderRequest.class);
          OrderService.Placed placed = orders.place(request.header("Idempotency-Key").orElse(null),
              request.bodyBytes(), body, OrderService.Origin.storefront());
          if (!placed.replayed()) {
            shopMetrics.orderPlaced(placed.order().channel().name());
          }
          return HttpResponse.json(201, OrderViews.created(placed.order(), placed.accessToken()), Map.of(
              "Location", "/orders/" + placed.order().id(),
              "Idempotent-Replayed", Boolean.toString(placed.replayed())));
        })
        .on("GET /orders/{id}", request -> {
          String token = request.query("token").or(() -> request.header("X-Order-Token")).orElse(null);
          return HttpResponse.json(200, OrderViews.customer(orders.getForCustomer(request.pathParameter("id"), token)));
        })
        .on("GET /stock/{sku}", request -> HttpResponse.json(200, orders.stock(request.pathParameter("sku"))))
        .on("GET /delivery-options", request -> {
          String city = request.query("city").orElse(null);
          var lines = orders.parseSkus(request.query("skus").orElse(null));
          return HttpResponse.json(200, Map.of("city", city == null ? "" : city,
              "options", orders.deliveryOptions(city, lines)));
        })
        .on("PUT /carts/{id}", request -> HttpResponse.json(200,
            carts.put(request.pathParameter("id"), request.bodyAs(CartService.CartRequest.class))))
        .on("GET /carts/{id}", request -> HttpResponse.json(200, carts.get(request.pathParameter("id"))))
        .on("GET /products/{sku}/recommendations", request -> {
          String sku = request.pathParameter("sku");
          return HttpResponse.json(200, Map.of("sku", sku,
              "recommendations", reports.recommendations(c.catalog(), sku, request.query("limit").orElse(null))));
        })
        .on("DELETE /carts/{id}", request -> {
          carts.delete(request.pathParameter("id"));
          return HttpResponse.noContent();
        });
  }
}
