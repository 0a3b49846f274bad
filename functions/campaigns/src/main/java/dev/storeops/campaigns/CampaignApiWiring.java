package dev.storeops.campaigns;

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
    DynamoDbClient dynamo = new AwsClients(env).dynamoDb();
    String table = env.required("TABLE_NAME");
    CampaignService service = new CampaignService(new DynamoCampaigns(dynamo, table),
        new DynamoRecipients(dynamo, table, clock), new MailTemplates(),
        MailPolicy.from(env),
        new DynamoMailFigures(dynamo, table), clock, env.required("PUBLIC_BASE_URL"));
    return CampaignRoutes.router(service);
  }
}
