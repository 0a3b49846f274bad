package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an HTTP API route key ({@code METHOD /path/{param}}) to a route, and turns every outcome into a
 * response: a {@link DomainException} → its problem ({@link Problems}), an {@link ApiException} (a malformed
 * request) → its problem, anything unexpected → a 500 problem without details
 * (the cause is logged, never returned).
 */
public final class Router {
  /** One route: reads the request, calls a service, maps the result. */
  @FunctionalInterface
  public interface Route {
    APIGatewayV2HTTPResponse handle(HttpRequest request);
  }

  private static final Log LOG = Log.get(Router.class);
  private final Map<String, Route> routes = new LinkedHashMap<>();

  public Router on(String routeKey, Route route) {
    routes.put(routeKey, route);
    return this;
  }

  public List<String> routeKeys() {
    return List.copyOf(routes.keySet());
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    HttpRequest request = new HttpRequest(event);
    String key = request.routeKey();
    Route route = routes.get(key);
    long start = System.nanoTime();
    APIGatewayV2HTTPResponse response;
    try {
      response = route == null
          ? HttpResponse.problem(Problem.of(404, "no-route", "Not found", "No route for " + key + "."))
          : route.handle(request);
    } catch (ApiException e) {
      response = HttpResponse.problem(e.problem());
    } catch (DomainException e) {
      response = HttpResponse.problem(Problems.of(e));
    } catch (RuntimeException e) {
      LOG.error("unhandled error", e, "route", key, "requestId", request.requestId());
      response = HttpResponse.problem(Problem.of(500, "internal", "Internal error",
          "Something went wrong on our side; request id " + request.requestId() + "."));
    }
    LOG.info("http request", "route", key, "status", response.getStatusCode(),
        "durationMs", (System.nanoTime() - start) / 1_000_000, "requestId", request.requestId());
    return response;
  }
}
