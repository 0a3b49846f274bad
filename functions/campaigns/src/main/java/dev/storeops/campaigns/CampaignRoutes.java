package dev.storeops.campaigns;

import dev.storeops.messaging.campaigns.CampaignRequest;
import dev.storeops.messaging.campaigns.CampaignService;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.http.StaffPrincipal;
import dev.storeops.staff.StaffPermissions;
import dev.storeops.staff.StaffRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff campaign API (JWT): {@code POST /staff/campaigns} (draft + preview), {@code POST
 * /staff/campaigns/{id}/schedule}, {@code GET /staff/campaigns/{id}} (campaign + figures). The roles of
 * each route come from {@link StaffPermissions}; scheduling follows the four-eyes rule
 * ({@code CampaignFourEyesPolicy}): not by the campaign's creator, unless the owner.
 */
final class CampaignRoutes {
  private CampaignRoutes() {}

  static Router router(CampaignService service) {
    return new Router(StaffPermissions.groupsByRoute())
        .on("POST /staff/campaigns", request -> {
          CampaignService.Created created = service.create(request.bodyAs(CampaignRequest.class),
              StaffPrincipal.of(request).id());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("campaign", created.campaign());
          body.put("preview", created.campaign().preview());
          body.put("sample", created.sample());
          return HttpResponse.json(201, body, Map.of("Location", "/staff/campaigns/" + created.campaign().id()));
        })
        .on("POST /staff/campaigns/{id}/schedule", request -> {
          StaffPrincipal by = StaffPrincipal.of(request);
          return HttpResponse.json(200, service.schedule(request.pathParameter("id"), by.id(),
              by.hasRole(StaffRole.OWNER.group())));
        })
        .on("GET /staff/campaigns/{id}", request -> HttpResponse.json(200, service.view(request.pathParameter("id"))));
  }
}
