package dev.storeops.staffapi;

import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.staff.ReadTeam;

/** {@code GET /staff/team} (owner): the managers, who is on shift, and their open orders and tasks. */
final class StaffTeamRoutes {
  private final ReadTeam team;

  StaffTeamRoutes(ReadTeam team) {
    this.team = team;
  }

  void register(Router router) {
    router.on("GET /staff/team", request -> HttpResponse.json(200, team.read()));
  }
}
