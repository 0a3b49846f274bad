package dev.storeops.paymentwebhook;

import dev.storeops.platform.aws.Priming;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.WebhookKeys;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.fulfilment.carriers.CarrierWebhookKeys;
import dev.storeops.fulfilment.dynamo.CarrierComponents;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.fulfilment.providers.PaymentLinks;
import dev.storeops.fulfilment.providers.PaymentProviderSettings;
import dev.storeops.fulfilment.providers.RobokassaResults;
import dev.storeops.fulfilment.providers.YooKassaNotifications;
import dev.storeops.fulfilment.s3.S3InvoiceFiles;
import dev.storeops.fulfilment.yookassa.HttpYooKassaApi;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.messaging.sqs.SqsSmsOutbox;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import java.time.Clock;

/** Builds the webhook's signature check, the provider adapters and the order flow once per container. */
final class PaymentWebhookWiring {
  private PaymentWebhookWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    String table = env.required("TABLE_NAME");
    WebhookSignature signature = new WebhookSignature(WebhookKeys.from(env), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    FlowComponents components = FlowComponents.build(clients.dynamoDb(), table,
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")),
        SqsSmsOutbox.fromUrl(clients.sqs(), env.optional("SMS_QUEUE_URL", null)), FlowSettings.from(env), clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation());
    OrderFlow flow = components.flow();
    PaymentProviderSettings providers = PaymentProviderSettings.from(env);
    HttpYooKassaApi yookassa = new HttpYooKassaApi(providers.yookassaApiUrl(), providers.yookassaShopId(),
        providers.yookassaSecretKey());
    DynamoCatalog catalog = new DynamoCatalog(clients.dynamoDb(), table, clock);
    DynamoCustomerStore customers = new DynamoCustomerStore(clients.dynamoDb(), table);
    PaymentLinks links = new PaymentLinks(providers, yookassa,
        sku -> catalog.product(sku).map(Product::vatCode).orElse(null));
    // carrier status (issue 17): the generic signed carrier webhook, on the same order flow
    Router router = CarrierWebhookRoute.add(PaymentWebhookRoute.router(signature, flow),
        CarrierWebhookKeys.from(env).map(keys -> new WebhookSignature(keys, clock, WebhookSignature.DEFAULT_TOLERANCE)),
        CarrierComponents.build(clients.dynamoDb(), table, components, FlowSettings.from(env), clock).webhook());
    router = PaymentProviderRoutes.add(router,
        new YooKassaNotifications(providers, yookassa, flow::payment), new RobokassaResults(providers, flow::payment),
        links, components.store(), order -> {
          Customer c = customers.find(order.customerId()).orElse(null);
          return new PaymentLinks.Payer(c == null ? null : c.email(), c == null ? null : c.phone());
        }, S3InvoiceFiles.onFirstUse(clients, env.required("INVOICE_BUCKET")));
    // SnapStart: the snapshot holds the clients and router warmed (docs/performance.md)
    Priming.of("payment-webhook", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .step("s3", clients.primeS3(env.required("INVOICE_BUCKET")))
        .step("s3 presigner", clients.primeS3Presigner(env.required("INVOICE_BUCKET")))
        .route(router, "GET /payments/pay/{orderId}", "/payments/pay/ord_priming", java.util.Map.of("orderId", "ord_priming"))
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }
}
