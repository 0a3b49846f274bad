package dev.storeops.staffapi;

import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.staff.ReadTeam;

/** {@code GET /staff/team} (owner): the managers, who is on shift, and their open orders and tasks, a page at a time. */
final class StaffTeamRoutes {
  private final ReadTeam team;

  StaffTeamRoutes(ReadTeam team) {
    this.team = team;
  }

  void register(Router router) {
    // the API's one paging convention (docs/api.md): limit + cursor -> nextCursor
    router.on("GET /staff/team", request -> HttpResponse.json(200, team.read(request.query("limit").orElse(null),
        request.query("cursor").orElse(null))));
  }
}
