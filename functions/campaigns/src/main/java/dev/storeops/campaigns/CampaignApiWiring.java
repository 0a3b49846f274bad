package dev.storeops.campaigns;

import dev.storeops.platform.aws.Priming;
import dev.storeops.messaging.campaigns.CampaignService;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoRecipients;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the campaign service (it renders the sample with the email-sender's templates) once per container. */
final class CampaignApiWiring {
  private CampaignApiWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    CampaignService service = new CampaignService(new DynamoCampaigns(dynamo, table),
        new DynamoRecipients(dynamo, table, clock), new MailTemplates(),
        MailPolicy.from(env),
        new DynamoMailFigures(dynamo, table), clock, env.required("PUBLIC_BASE_URL"));
    Router router = CampaignRoutes.router(service);
    // SnapStart: the snapshot holds the client, templates and router warmed (docs/performance.md)
    Priming.of("campaigns", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .staffRoute(router, "GET /staff/campaigns/{id}", "/staff/campaigns/cmp_priming",
            java.util.Map.of("id", "cmp_priming"), "owner")
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }
}
