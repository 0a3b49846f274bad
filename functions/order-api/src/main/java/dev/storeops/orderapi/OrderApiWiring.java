package dev.storeops.orderapi;

import dev.storeops.platform.aws.Priming;
import dev.storeops.messaging.WelcomeMail;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.Problem;
import dev.storeops.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import dev.storeops.catalog.DeliveryCalculator;
import dev.storeops.catalog.DeliveryConfig;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerSearchTerms;
import dev.storeops.customers.CustomerService;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.CartService;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.OrderViews;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.Tokens;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.catalog.Reservation;
import dev.storeops.platform.dynamo.Attr;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the storefront API once per container: the services and the routes. Each route parses the
 * request, calls a service and maps the result.
 */
final class OrderApiWiring {
  /** The customer's own credential, returned once by {@code POST /customers}. */
  static final String CUSTOMER_TOKEN = "X-Customer-Token";
  /** A cart's token, returned once by the {@code PUT /carts/{id}} that created it. */
  static final String CART_TOKEN = "X-Cart-Token";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  // real-shaped bodies for priming (SnapStart): every field of each body type's JSON mapping
  private static final String PRIMING_CUSTOMER = "{\"email\":\"priming@example.invalid\",\"name\":\"Priming\","
      + "\"phone\":\"+7 916 555-12-34\",\"birthday\":\"1990-05-17\",\"marketingConsent\":false,\"locale\":\"ru\"}";
  private static final String PRIMING_ORDER = "{\"customer\":" + PRIMING_CUSTOMER + ",\"lines\":[{\"sku\":\"PRIMING\","
      + "\"qty\":1}],\"delivery\":{\"option\":\"COURIER\",\"city\":\"Москва\",\"address\":\"ул. Тверская, 7\"},"
      + "\"paymentMethod\":\"ONLINE_CARD\",\"channel\":\"SITE\"}";
  private static final String PRIMING_CART = "{\"lines\":[{\"sku\":\"PRIMING\",\"qty\":1}]}";

  private OrderApiWiring() {}

  static Router router(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    Router router = router(env, clients.dynamoDb(), clients.sqs(), clock, metrics);
    // SnapStart: the snapshot holds the clients, mappings and router warmed (docs/performance.md)
    Priming.of("order-api", env)
        .step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME")))
        .step("dynamodb writes", clients.primeDynamoDbWrites(env.required("TABLE_NAME")))
        .step("sqs", clients.primeSqs(env.required("ORDER_EVENTS_QUEUE_URL")))
        .step("sqs mail", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .step("order domain", OrderApiWiring::primeOrderDomain)
        .json(OrderRequest.class, PRIMING_ORDER)
        .json(CustomerRegistration.class, PRIMING_CUSTOMER)
        .json(CartService.CartRequest.class, PRIMING_CART)
        .route(router, "GET /stock/{sku}", "/stock/PRIMING", Map.of("sku", "PRIMING"))
        .route(router, "GET /orders/{id}", "/orders/ord_priming", Map.of("id", "ord_priming"))
        // the write routes, each refused by its validation (a line of 0 units, a blank name): nothing written
        .refusedRequest(router, "POST /orders", "/orders", Map.of(),
            Map.of("idempotency-key", "storeops-priming-0000"), PRIMING_ORDER.replace("\"qty\":1}]", "\"qty\":0}]"), null)
        .refusedRequest(router, "POST /customers", "/customers", Map.of(), Map.of(),
            PRIMING_CUSTOMER.replace("\"name\":\"Priming\"", "\"name\":\"\""), null)
        .refusedRequest(router, "PUT /carts/{id}", "/carts/priming", Map.of("id", "priming"), Map.of(),
            PRIMING_CART.replace("\"qty\":1}]", "\"qty\":0}]"), null)
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }

  /**
   * A priming step: what {@code POST /orders} computes in memory for a new customer's order, on priming data
   * (nothing read or written): the delivery options of a parcel ({@code DeliveryCalculator}: boxes,
   * weights, prices), the customer's search terms (Unicode normalisation: the JDK's ICU data), and the MD5
   * the SQS client checks a sent message with. The cold-start bench's class-loading log showed these
   * loaded by the first order after priming (docs/performance.md).
   */
  static void primeOrderDomain() {
    Product tea = new Product("PRIMING-1", "Сенча, 100 г", 52_000, "RUB", 120, 150, 100, 60, "tea", null, null, null);
    var options = new DeliveryCalculator(DeliveryConfig.defaults()).options("Москва",
        List.of(new Warehouse("msk-1", "Склад", "Москва")), List.of(new DeliveryCalculator.Item(tea, 2)));
    var terms = CustomerSearchTerms.of(new Customer("cus_priming", "priming@example.invalid", "Проба Пробовна",
        "+7 916 555-12-34", null, false, null, "ru", Instant.EPOCH, null));
    if (options.isEmpty() || terms.isEmpty()) {
      throw new IllegalStateException("the priming order has no delivery option or no search term");
    }
    try {
      MessageDigest.getInstance("MD5").digest(PRIMING_ORDER.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // the order as POST /orders builds, seals, maps and shows it (item mapping in memory, nothing written):
    // its lifecycle, the access token sealed into the idempotency record (AES-GCM), the table item both
    // ways, and the 201's body
    Instant now = Instant.now();
    PaymentMethod method = PaymentMethod.ONLINE_CARD;
    Order order = new Order("ord_priming", "000000-PRIMNG", "cus_priming", Channel.SITE, "customer",
        List.of(new OrderLine(tea.sku(), tea.name(), 2, tea.priceMinor(), 2 * tea.priceMinor())), 2 * tea.priceMinor(), 0,
        2 * tea.priceMinor(), "RUB", null, method, OrderLifecycle.initialStatus(method),
        OrderLifecycle.created(method, now, "customer"), null, null, "priming",
        List.of(new Reservation(tea.sku(), "msk-1", 2)), now, now);
    String sealed = Tokens.seal("storeops-priming-0000", "priming-token");
    IdempotencyRecord record = new IdempotencyRecord("priming", "priming", order.id(), sealed, now, now.plusSeconds(60));
    if (!"priming-token".equals(Tokens.open("storeops-priming-0000",
        Attr.read(Attr.item(record), IdempotencyRecord.class).sealedToken()))
        || !DynamoOrderStore.fromItem(DynamoOrderStore.toItem(order)).id().equals(order.id())
        || Json.write(OrderViews.created(order, "priming-token")).isEmpty()) {
      throw new IllegalStateException("the priming order did not map back");
    }
  }

  static Router router(Env env, DynamoDbClient dynamo, SqsClient sqs, Clock clock, Metrics metrics) {
    ShopMetrics shopMetrics = new ShopMetrics(metrics);
    String table = env.required("TABLE_NAME");
    ShopSettings shop = ShopSettings.from(env);
    OrderComponents c = OrderComponents.build(dynamo, sqs, table, env.required("ORDER_EVENTS_QUEUE_URL"),
        OrderLimits.from(env), shop.defaultLocale(), clock,
        WelcomeMail.onRegistered(new SqsMailOutbox(sqs, env.required("EMAIL_QUEUE_URL"))),
        !"separate".equals(env.optional("ORDER_INTAKE_READS", "batched")));
    CustomerService customers = c.customers();
    OrderService orders = c.orderService();
    CartService carts = c.cartService();
    // recommendations read only the report items and the catalog (no S3: supplier terms are not needed)
    ReportService reports = new ReportService(new DynamoReportStore(dynamo, table), null, clock, shop.zone(), 0);

    return new Router()
        .on("POST /customers", request -> {
          CustomerService.Registered created = customers.register(request.bodyAs(CustomerRegistration.class),
              "POST /customers", request.requestId());
          // the access token is shown this once: the customer's credential (X-Customer-Token)
          Map<String, Object> body = new LinkedHashMap<>(Json.mapper().convertValue(created.customer(), MAP));
          body.put("accessToken", created.accessToken());
          return HttpResponse.json(201, body, Map.of("Location", "/customers/" + created.customer().id()));
        })
        // the customer's own profile: needs its access token, else 404 without any personal data
        .on("GET /customers/{id}", request -> HttpResponse.json(200, customers.getForCustomer(
            request.pathParameter("id"), request.header(CUSTOMER_TOKEN).orElse(null))))
        .on("POST /orders", request -> {
          OrderRequest body = request.bodyAs(OrderRequest.class);
          OrderService.Placed placed = orders.place(request.header("Idempotency-Key").orElse(null),
              request.bodyBytes(), body, OrderService.Origin.storefront(request.header(CART_TOKEN).orElse(null)));
          if (!placed.replayed()) {
            shopMetrics.orderPlaced(placed.order().channel().name());
          }
          return HttpResponse.json(201, OrderViews.created(placed.order(), placed.accessToken()), Map.of(
              "Location", "/orders/" + placed.order().id(),
              "Idempotent-Replayed", Boolean.toString(placed.replayed())));
        })
        .on("GET /orders/{id}", request -> {
          String token = request.query("token").or(() -> request.header("X-Order-Token")).orElse(null);
          var order = orders.getForCustomer(request.pathParameter("id"), token);
          return HttpResponse.json(200, OrderViews.withPaymentLink(OrderViews.customer(order), order, token));
        })
        .on("GET /stock/{sku}", request -> HttpResponse.json(200, orders.stock(request.pathParameter("sku"))))
        .on("GET /delivery-options", request -> {
          String city = request.query("city").orElse(null);
          var lines = orders.parseSkus(request.query("skus").orElse(null));
          return HttpResponse.json(200, Map.of("city", city == null ? "" : city,
              "options", orders.deliveryOptions(city, lines)));
        })
        .on("PUT /carts/{id}", request -> {
          try {
            CartService.Saved saved = carts.put(request.pathParameter("id"), request.bodyAs(CartService.CartRequest.class),
                request.header(CART_TOKEN).orElse(null), request.header(CUSTOMER_TOKEN).orElse(null));
            return HttpResponse.json(saved.cartToken() == null ? 200 : 201, CartService.view(saved.cart(), saved.cartToken()));
          } catch (CartService.CustomerNotProven e) {
            throw new ApiException(new Problem(Problem.typeUri("customer-credential-required"), "Forbidden", 403,
                "A customer is attached to a cart only with that customer's own access token (X-Customer-Token).",
                List.of(new Problem.FieldError("customerId", "needs the customer's X-Customer-Token"))));
          }
        })
        .on("GET /carts/{id}", request -> HttpResponse.json(200, CartService.view(
            carts.get(request.pathParameter("id"), request.header(CART_TOKEN).orElse(null)), null)))
        .on("GET /products/{sku}/recommendations", request -> {
          String sku = request.pathParameter("sku");
          return HttpResponse.json(200, Map.of("sku", sku,
              "recommendations", reports.recommendations(c.catalog(), sku, request.query("limit").orElse(null))));
        })
        .on("DELETE /carts/{id}", request -> {
          carts.delete(request.pathParameter("id"), request.header(CART_TOKEN).orElse(null));
          return HttpResponse.noContent();
        });
  }
}
