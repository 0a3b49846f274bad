package dev.storeops.campaigns;

import dev.storeops.messaging.campaigns.CampaignRequest;
import dev.storeops.messaging.campaigns.CampaignService;
import dev.storeops.messaging.dynamo.DynamoRecipients;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Staff campaign API (JWT): {@code POST /staff/campaigns} (draft + preview), {@code POST
 * /staff/campaigns/{id}/schedule}, {@code GET /staff/campaigns/{id}} (campaign + figures). Ships in
 * its own jar, built on the email-sender module: it renders the sample with the same templates.
 */
public final class CampaignApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public CampaignApiHandler() {
    this(Env.system());
  }

  public CampaignApiHandler(Env env) {
    DynamoDbClient dynamo = new AwsClients(env).dynamoDb();
    String table = env.required("TABLE_NAME");
    Clock clock = Clock.systemUTC();
    CampaignService service = new CampaignService(new DynamoCampaigns(dynamo, table),
        new DynamoRecipients(dynamo, table, clock), new MailTemplates(),
        new MailPolicy(Duration.ofHours(env.optionalInt("MARKETING_CAP_HOURS", 16)), env.optional("DEFAULT_LOCALE", "ru")),
        new DynamoMailFigures(dynamo, table), clock, env.required("PUBLIC_BASE_URL"));
    this.router = new Router()
        .on("POST /staff/campaigns", request -> {
          CampaignService.Created created = service.create(request.bodyAs(CampaignRequest.class), staff(request));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("campaign", created.campaign());
          body.put("preview", created.campaign().preview());
          body.put("sample", created.sample());
          return HttpResponse.json(201, body, Map.of("Location", "/staff/campaigns/" + created.campaign().id()));
        })
        .on("POST /staff/campaigns/{id}/schedule", request -> {
          staff(request);
          return HttpResponse.json(200, service.schedule(request.pathParameter("id")));
        })
        .on("GET /staff/campaigns/{id}", request -> {
          staff(request);
          return HttpResponse.json(200, service.view(request.pathParameter("id")));
        });
  }

  private static String staff(HttpRequest request) {
    String sub = request.jwtClaims().get("sub");
    if (sub == null || sub.isBlank()) {
      throw ApiException.unauthorized("A staff token is required.");
    }
    return sub;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event);
  }
}
