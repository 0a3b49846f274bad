package dev.storeops.campaigns;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import java.time.Clock;

/** Staff campaign API (JWT): {@link CampaignRoutes}, built by {@link CampaignApiWiring}. */
public final class CampaignApiHandler extends RouterHandler {
  public CampaignApiHandler() {
    this(Env.system());
  }

  public CampaignApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public CampaignApiHandler(Env env, Clock clock) {
    super(CampaignApiWiring.router(env, clock));
  }
}
