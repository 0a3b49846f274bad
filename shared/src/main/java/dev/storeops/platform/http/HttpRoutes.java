package dev.storeops.platform.http;

import java.util.List;

/**
 * A handler that serves HTTP API routes through a {@link Router}: the route keys it serves, so the
 * OpenAPI drift check compares them with template.yaml's {@code HttpApi} events and
 * {@code openapi/openapi.yaml} (docs/api.md).
 */
public interface HttpRoutes {
  /** {@code METHOD /path/{param}}, as template.yaml spells them. */
  List<String> routeKeys();
}
