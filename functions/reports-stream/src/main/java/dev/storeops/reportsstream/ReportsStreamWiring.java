package dev.storeops.reportsstream;

import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.ReportsStreamService;

/** Builds the report projection once per container. */
final class ReportsStreamWiring {
  private ReportsStreamWiring() {}

  static ReportsStreamService service(Env env) {
    return new ReportsStreamService(
        new DynamoReportStore(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")),
        ShopSettings.from(env).zone());
  }
}
