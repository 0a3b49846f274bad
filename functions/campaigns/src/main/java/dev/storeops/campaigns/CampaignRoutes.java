package dev.storeops.campaigns;

import dev.storeops.messaging.campaigns.CampaignRequest;
import dev.storeops.messaging.campaigns.CampaignService;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff campaign API (JWT): {@code POST /staff/campaigns} (draft + preview), {@code POST
 * /staff/campaigns/{id}/schedule}, {@code GET /staff/campaigns/{id}} (campaign + figures).
 */
final class CampaignRoutes {
  private CampaignRoutes() {}

  static Router router(CampaignService service) {
    return new Router()
        .on("POST /staff/campaigns", request -> {
          CampaignService.Created created = service.create(request.bodyAs(CampaignRequest.class), staff(request));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("campaign", created.campaign());
          body.put("preview", created.campaign().preview());
          body.put("sample", created.sample());
          return HttpResponse.json(201, body, Map.of("Location", "/staff/campaigns/" + created.campaign().id()));
        })
        .on("POST /staff/campaigns/{id}/schedule", request -> {
          staff(request);
          return HttpResponse.json(200, service.schedule(request.pathParameter("id")));
        })
        .on("GET /staff/campaigns/{id}", request -> {
          staff(request);
          return HttpResponse.json(200, service.view(request.pathParameter("id")));
        });
  }

  private static String staff(HttpRequest request) {
    String sub = request.jwtClaims().get("sub");
    if (sub == null || sub.isBlank()) {
      throw ApiException.unauthorized("A staff token is required.");
    }
    return sub;
  }
}
