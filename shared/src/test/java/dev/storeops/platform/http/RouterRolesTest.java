package dev.storeops.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RouterRolesTest {
  private final AtomicInteger ran = new AtomicInteger();
  private final Router router = new Router(Map.of(
      "PUT /staff/products/{sku}", Set.of("owner"),
      "GET /staff/tasks", Set.of("owner", "manager", "warehouse", "marketing")))
      .on("PUT /staff/products/{sku}", r -> {
        ran.incrementAndGet();
        return HttpResponse.json(200, Map.of("by", StaffPrincipal.of(r).id()));
      })
      .on("GET /staff/tasks", r -> HttpResponse.json(200, Map.of()));

  private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> claims) {
    APIGatewayV2HTTPEvent.RequestContext ctx = new APIGatewayV2HTTPEvent.RequestContext();
    ctx.setRequestId("req-1");
    if (claims != null) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      jwt.setClaims(new HashMap<>(claims));
      authorizer.setJwt(jwt);
      ctx.setAuthorizer(authorizer);
    }
    APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
    e.setRouteKey(routeKey);
    e.setRequestContext(ctx);
    return e;
  }

  @Test
  void aRoleTheRouteAllowsRunsIt() {
    APIGatewayV2HTTPResponse r = router.handle(event("PUT /staff/products/{sku}",
        Map.of("sub", "owner-elena", "cognito:groups", "[owner]")));
    assertEquals(200, r.getStatusCode());
    assertEquals(1, ran.get());
  }

  @Test
  void anotherRoleIsA403NamingTheRoleNeededAndTheRouteDoesNotRun() {
    APIGatewayV2HTTPResponse r = router.handle(event("PUT /staff/products/{sku}",
        Map.of("sub", "wh-sergey", "cognito:groups", "[warehouse]")));
    assertEquals(403, r.getStatusCode());
    assertTrue(r.getHeaders().get("Content-Type").startsWith(Problem.MEDIA_TYPE));
    assertTrue(r.getBody().contains("needs the role owner"), r.getBody());
    assertTrue(r.getBody().contains("\"field\":\"role\""), r.getBody());
    assertEquals(0, ran.get());
  }

  @Test
  void noGroupsIsA403AndNoSubIsA401() {
    assertEquals(403, router.handle(event("GET /staff/tasks", Map.of("sub", "someone"))).getStatusCode());
    assertEquals(401, router.handle(event("GET /staff/tasks", Map.of("cognito:groups", "[owner]"))).getStatusCode());
    assertEquals(401, router.handle(event("GET /staff/tasks", null)).getStatusCode());
  }

  @Test
  void aRouteWithoutAnEntryCannotBeRegistered() {
    Router staff = new Router(Map.of("GET /staff/tasks", Set.of("owner")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> staff.on("DELETE /staff/everything", r -> HttpResponse.noContent()));
    assertTrue(e.getMessage().contains("DELETE /staff/everything"));
  }

  @Test
  void aRouterWithoutATableChecksNoRole() {
    Router open = new Router().on("GET /stock/{sku}", r -> HttpResponse.json(200, Map.of()));
    assertEquals(200, open.handle(event("GET /stock/{sku}", null)).getStatusCode());
  }
}
