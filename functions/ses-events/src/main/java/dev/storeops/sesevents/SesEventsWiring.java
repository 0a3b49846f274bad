package dev.storeops.sesevents;

import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoMailFeedback;
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
    DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, table);
    return new SesNotificationStep(new DynamoSuppressionList(dynamo, table),
        new DynamoMailFeedback(dynamo, table, email -> customers.findIdByEmail(Customer.emailKey(email))), clock);
  }
}
