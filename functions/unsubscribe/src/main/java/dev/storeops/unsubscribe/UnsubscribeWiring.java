package dev.storeops.unsubscribe;

import dev.storeops.platform.aws.Priming;
import dev.storeops.customers.ConfirmConsent;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoConsentStore;
import dev.storeops.messaging.sending.UnsubscribeService;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.http.Router;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the unsubscribe and consent-confirmation services and routes once per container. */
final class UnsubscribeWiring {
  private UnsubscribeWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    Router router = UnsubscribeRoutes.router(
        new UnsubscribeService(UnsubscribeTokens.from(env), new DynamoConsentStore(dynamo, table), clock),
        new ConfirmConsent(new DynamoCustomerStore(dynamo, table), clock),
        env.required("PUBLIC_BASE_URL"), ShopSettings.from(env).defaultLocale());
    // SnapStart: the snapshot holds the client and the page templates warmed (docs/performance.md)
    Priming.of("unsubscribe", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .route(router, "GET /unsubscribe", "/unsubscribe", java.util.Map.of())
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }
}
