package dev.storeops.sesevents;

import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import java.time.Clock;

/** Builds the SES notification step once per container. */
final class SesEventsWiring {
  private SesEventsWiring() {}

  static SesNotificationStep step(Env env, Clock clock) {
    var dynamo = new AwsClients(env).dynamoDb();
    String table = env.required("TABLE_NAME");
    return new SesNotificationStep(new DynamoSuppressionList(dynamo, table), new DynamoSendLog(dynamo, table), clock);
  }
}
