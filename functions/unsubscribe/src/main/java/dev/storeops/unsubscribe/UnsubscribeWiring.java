package dev.storeops.unsubscribe;

import dev.storeops.messaging.dynamo.DynamoConsentStore;
import dev.storeops.messaging.sending.UnsubscribeService;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import java.time.Clock;

/** Builds the unsubscribe service and routes once per container. */
final class UnsubscribeWiring {
  private UnsubscribeWiring() {}

  static Router router(Env env, Clock clock) {
    return UnsubscribeRoutes.router(new UnsubscribeService(new UnsubscribeTokens(env.required("UNSUBSCRIBE_SECRET")),
        new DynamoConsentStore(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")), clock),
        env.required("PUBLIC_BASE_URL"));
  }
}
