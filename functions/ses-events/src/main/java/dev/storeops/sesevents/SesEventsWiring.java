package dev.storeops.sesevents;

import dev.storeops.platform.aws.Priming;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoMailFeedback;
import dev.storeops.messaging.dynamo.DynamoSendConfirmations;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import java.time.Clock;

/** Builds the SES notification step once per container. */
final class SesEventsWiring {
  private SesEventsWiring() {}

  static SesNotificationStep step(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    var dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    // SnapStart: the snapshot holds the client warmed (docs/performance.md)
    Priming.of("ses-events", env).step("dynamodb", clients.primeDynamoDb(table))
        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
            com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.class)
        .register();
    DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, table);
    return new SesNotificationStep(new DynamoSuppressionList(dynamo, table),
        new DynamoMailFeedback(dynamo, table, email -> customers.findIdByEmail(Customer.emailKey(email))),
        new DynamoSendConfirmations(dynamo, table), clock);
  }
}
