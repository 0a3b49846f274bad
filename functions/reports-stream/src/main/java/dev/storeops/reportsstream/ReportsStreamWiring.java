package dev.storeops.reportsstream;

import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.ReportsStreamService;

/** Builds the report projection once per container. */
final class ReportsStreamWiring {
  private ReportsStreamWiring() {}

  static ReportsStreamService service(Env env) {
    AwsClients clients = new AwsClients(env);
    // SnapStart: the snapshot holds the client warmed (docs/performance.md)
    Priming.of("reports-stream", env).step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME")))
        .step("dynamodb writes", clients.primeDynamoDbWrites(env.required("TABLE_NAME")))
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.DynamodbEvent.class,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.class)
        .register();
    return new ReportsStreamService(
        new DynamoReportStore(clients.dynamoDb(), env.required("TABLE_NAME")),
        ShopSettings.from(env).zone());
  }
}
