package dev.storeops.stafffiles;

import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.StaffPrincipal;
import dev.storeops.staff.StaffPermissions;

/**
 * What staff-files' routes need from a request, as staff-api's routes do: the caller (JWT {@code sub} and
 * groups) and the own-work rule of {@link StaffPermissions}; the route's roles are checked by the router first.
 */
final class StaffRequests {
  private StaffRequests() {}

  /** The staff member's id: the JWT's {@code sub}. API Gateway rejects calls without a valid JWT first. */
  static String staffId(HttpRequest request) {
    return StaffPrincipal.of(request).id();
  }

  /** A 403 when the caller reaches only their own items on this route and {@code holderId} is someone else. */
  static void requireOwn(HttpRequest request, String holderId, String what) {
    StaffPrincipal caller = StaffPrincipal.of(request);
    StaffPermissions.requireOwn(request.routeKey(), caller.id(), caller.roles(), holderId, what);
  }
}
