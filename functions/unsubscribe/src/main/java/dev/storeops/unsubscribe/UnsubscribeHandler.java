package dev.storeops.unsubscribe;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import java.time.Clock;

/** {@code GET|POST /unsubscribe}, {@code GET|POST /consent/confirm}: {@link UnsubscribeRoutes}, built by {@link UnsubscribeWiring}. */
public final class UnsubscribeHandler extends RouterHandler {
  public UnsubscribeHandler() {
    this(Env.system());
  }

  public UnsubscribeHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public UnsubscribeHandler(Env env, Clock clock) {
    super(UnsubscribeWiring.router(env, clock));
  }
}
