package dev.storeops.sesevents;

import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import java.time.Clock;

/** Builds the SES notification step once per container. */
final class SesEventsWiring {
  private SesEventsWiring() {}

  static SesNotificationStep step(Env env, Clock clock) {
    return new SesNotificationStep(
        new DynamoSuppressionList(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")), clock);
  }
}
