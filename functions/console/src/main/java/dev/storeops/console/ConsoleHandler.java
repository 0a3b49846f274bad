package dev.storeops.console;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;

/** {@code GET /console}, {@code GET /console/{proxy+}}: the staff console's files ({@link ConsoleRoutes}). */
public final class ConsoleHandler extends RouterHandler {
  public ConsoleHandler() {
    this(Env.system());
  }

  public ConsoleHandler(Env env) {
    super(ConsoleWiring.router(env));
  }
}
