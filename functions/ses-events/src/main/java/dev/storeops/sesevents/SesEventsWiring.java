package dev.storeops.sesevents;

import dev.storeops.platform.aws.Priming;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import java.time.Clock;

/** Builds the SES notification step once per container. */
final class SesEventsWiring {
  private SesEventsWiring() {}

  static SesNotificationStep step(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    // SnapStart: the snapshot holds the client warmed (docs/performance.md)
    Priming.of("ses-events", env).step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME"))).register();
    return new SesNotificationStep(
        new DynamoSuppressionList(clients.dynamoDb(), env.required("TABLE_NAME")), clock);
  }
}
