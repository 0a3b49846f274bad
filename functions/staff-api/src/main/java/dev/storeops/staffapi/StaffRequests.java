package dev.storeops.staffapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.StaffPrincipal;
import dev.storeops.staff.StaffPermissions;
import java.util.Locale;
import java.util.Map;

/**
 * What every staff route needs from a request: the caller (id and roles), the own-work rule of
 * {@link StaffPermissions} for the item a route touches, and CSV or JSON. The route's roles themselves
 * are checked by the router before the route runs.
 */
final class StaffRequests {
  private StaffRequests() {}

  /** The staff member's id: the JWT's {@code sub}. API Gateway rejects calls without a valid JWT first. */
  static String staffId(HttpRequest request) {
    return StaffPrincipal.of(request).id();
  }

  /**
   * The own-work rule for the item this route touches: a 403 when the caller reaches only their own
   * items and {@code holderId} (the order's manager, the task's assignee) is someone else.
   */
  static void requireOwn(HttpRequest request, String holderId, String what) {
    StaffPrincipal caller = StaffPrincipal.of(request);
    StaffPermissions.requireOwn(request.routeKey(), caller.id(), caller.roles(), holderId, what);
  }

  /** The caller sees only their own items on this route (lists are filtered to them). */
  static boolean onlyOwn(HttpRequest request) {
    return StaffPermissions.onlyOwn(request.routeKey(), StaffPrincipal.of(request).roles());
  }

  /** {@code Accept: text/csv} or {@code ?format=csv} (a plain download link) asks for CSV; anything else gets JSON. */
  static boolean wantsCsv(HttpRequest request) {
    return request.query("format").map(f -> f.strip().equalsIgnoreCase("csv")).orElse(false)
        || request.header("Accept").map(a -> a.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false);
  }

  static APIGatewayV2HTTPResponse csv(String fileName, String body) {
    return HttpResponse.of(200, "text/csv", body,
        Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
  }
}
