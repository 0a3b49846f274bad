package dev.storeops.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import java.util.List;
import dev.storeops.platform.log.LambdaLogContext;
import java.time.Clock;

/** Staff campaign API (JWT): {@link CampaignRoutes}, built by {@link CampaignApiWiring}. */
public final class CampaignApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;

  public CampaignApiHandler() {
    this(Env.system());
  }

  public CampaignApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public CampaignApiHandler(Env env, Clock clock) {
    this.router = CampaignApiWiring.router(env, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return router.handle(event);
  }

  @Override
  public List<String> routeKeys() {
    return router.routeKeys();
  }
}
