package dev.storeops.console;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;

/** Reads the built console from the jar and its sign-in settings from the environment, once per container. */
final class ConsoleWiring {
  private ConsoleWiring() {}

  static Router router(Env env) {
    return ConsoleRoutes.router(ConsoleAssets.fromClasspath(), ConsoleSettings.from(env));
  }
}
