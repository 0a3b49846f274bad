package dev.storeops.staffapi;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;

/**
 * The staff API under {@code /staff} (HTTP API with the StaffJwt authorizer): the JWT {@code sub}
 * claim is the staff member's id. Routes: {@link StaffOrderRoutes}, {@link StaffReportRoutes}, {@link
 * StaffFlowRoutes}, built by {@link StaffApiWiring}.
 */
public final class StaffApiHandler extends RouterHandler {
  public StaffApiHandler() {
    this(Env.system());
  }

  public StaffApiHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests of the timing rules). */
  public StaffApiHandler(Env env, Clock clock) {
    this(env, clock, Metrics.from(env));
  }

  private StaffApiHandler(Env env, Clock clock, Metrics metrics) {
    super(StaffApiWiring.router(env, clock, metrics), metrics);
  }
}
