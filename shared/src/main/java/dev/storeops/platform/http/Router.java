package dev.storeops.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps an HTTP API route key ({@code METHOD /path/{param}}) to a route, and turns every outcome into a
 * response: a {@link DomainException} → its problem ({@link Problems}), an {@link ApiException} (a malformed
 * request) → its problem, anything unexpected → a 500 problem without details
 * (the cause is logged, never returned).
 *
 * <p>A router built with a permission table ({@link #Router(Map)}: route key → the roles allowed) is a
 * staff router: every route it serves must have an entry (registering one without fails at wiring),
 * and before a route runs the caller ({@link StaffPrincipal}: JWT {@code sub} and {@code
 * cognito:groups}) must hold one of its roles — else 401 without a {@code sub}, 403 problem+json naming
 * the roles the route needs. The table itself is the business's ({@code staff/StaffPermissions}).
 */
public final class Router {
  /** One route: reads the request, calls a service, maps the result. */
  @FunctionalInterface
  public interface Route {
    APIGatewayV2HTTPResponse handle(HttpRequest request);
  }

  private static final Log LOG = Log.get(Router.class);
  /** Observers of every answer (none in a function jar; the OpenAPI contract check in tests). */
  private static final List<ResponseObserver> OBSERVERS = ServiceLoader.load(ResponseObserver.class).stream()
      .map(ServiceLoader.Provider::get).toList();
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Map<String, Set<String>> allowedRoles;

  /** A router without roles (public routes, or routes whose caller is proven otherwise). */
  public Router() {
    this.allowedRoles = null;
  }

  /** A staff router: each route may be called only by the roles its entry of {@code allowedRoles} names. */
  public Router(Map<String, Set<String>> allowedRoles) {
    this.allowedRoles = Map.copyOf(allowedRoles);
  }

  public Router on(String routeKey, Route route) {
    if (allowedRoles != null && !allowedRoles.containsKey(routeKey)) {
      throw new IllegalStateException("route " + routeKey + " has no entry in the permission table");
    }
    routes.put(routeKey, route);
    return this;
  }

  /** The route keys served ({@code METHOD /path/{param}}), in registration order: the OpenAPI drift check reads them. */
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
          : authorized(key, request).handle(request);
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
    for (ResponseObserver observer : OBSERVERS) {
      observer.observe(key, event, response);
    }
    return response;
  }

  /** The route, once the caller holds one of its roles (staff routers only). */
  private Route authorized(String key, HttpRequest request) {
    if (allowedRoles == null) {
      return routes.get(key);
    }
    StaffPrincipal caller = StaffPrincipal.of(request);
    Set<String> allowed = allowedRoles.get(key);
    if (!caller.hasAnyRole(allowed)) {
      Set<String> needed = new TreeSet<>(allowed);
      LOG.info("forbidden", "route", key, "staffId", caller.id(), "roles", String.join(",", new TreeSet<>(caller.roles())),
          "requestId", request.requestId());
      throw ApiException.forbidden(key + " needs the role " + String.join(" or ", needed) + "; the caller has "
          + (caller.roles().isEmpty() ? "no role" : String.join(", ", new TreeSet<>(caller.roles()))) + ".",
          List.of(new Problem.FieldError("role", "one of " + needed + " is required")));
    }
    return routes.get(key);
  }
}
