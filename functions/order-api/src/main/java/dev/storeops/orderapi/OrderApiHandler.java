package dev.storeops.orderapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.CartService;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.ReportService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The public storefront API (HTTP API, payload 2.0). Thin: each route parses the request, calls a
 * service and maps the result; everything is built once per container.
 */
public final class OrderApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public OrderApiHandler() {
    this(Env.system());
  }

  public OrderApiHandler(Env env) {
    this(env, new AwsClients(env));
  }

  private OrderApiHandler(Env env, AwsClients clients) {
    this(env, clients.dynamoDb(), clients.sqs());
  }

  /** With given clients (the benchmark hands in a client that counts its calls). */
  public OrderApiHandler(Env env, DynamoDbClient dynamo, SqsClient sqs) {
    OrderComponents c = OrderComponents.build(dynamo, sqs, env.required("TABLE_NAME"),
        env.required("ORDER_EVENTS_QUEUE_URL"),
        new OrderLimits(OrderLimits.MAX_LINES, env.optionalInt("MAX_LINE_QTY", 99)),
        env.optional("DEFAULT_LOCALE", "ru"), Clock.systemUTC(),
        new SqsMailOutbox(sqs, env.required("EMAIL_QUEUE_URL")));
    CustomerService customers = c.customers();
    OrderService orders = c.orderService();
    CartService carts = c.cartService();
    // recommendations read only the report items and the catalog (no S3: supplier terms are not needed)
    ReportService reports = new ReportService(new DynamoReportStore(dynamo, env.required("TABLE_NAME")), null,
        Clock.systemUTC(), ZoneId.of(env.optional("SHOP_TIME_ZONE", "Europe/Moscow")), 0);

    this.router = new Router()
        .on("POST /customers", request -> {
          Customer created = customers.register(request.bodyAs(CustomerRegistration.class));
          return HttpResponse.json(201, created, Map.of("Location", "/customers/" + created.id()));
        })
        .on("GET /customers/{id}", request -> HttpResponse.json(200, customers.get(request.pathParameter("id"))))
        .on("POST /orders", request -> {
          OrderRequest body = request.bodyAs(OrderRequest.class);
          OrderService.Placed placed = orders.place(request.header("Idempotency-Key").orElse(null),
              request.bodyBytes(), body, OrderService.Origin.storefront());
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

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event);
  }
}
