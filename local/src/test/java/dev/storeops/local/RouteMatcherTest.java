package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {
  private final RouteMatcher<String> routes = new RouteMatcher<String>()
      .add("GET", "/orders/{id}", "order", false)
      .add("GET", "/orders/search", "search", false)
      .add("POST", "/orders", "create", false)
      .add("ANY", "/orders/{id}", "any-order", false)
      .add("GET", "/files/{path+}", "files", false)
      .add("GET", "/files/{dir}/readme", "readme", false)
      .add("GET", "/staff/orders", "staff", true);

  private String target(String method, String path) {
    return routes.match(method, path).map(m -> m.route().target()).orElse(null);
  }

  @Test
  void aLiteralSegmentBeatsAParameter() {
    assertEquals("search", target("GET", "/orders/search"));
    assertEquals("order", target("GET", "/orders/o_1"));
  }

  @Test
  void anExactMethodBeatsAny() {
    assertEquals("order", target("GET", "/orders/o_1"));
    assertEquals("any-order", target("DELETE", "/orders/o_1"));
  }

  @Test
  void aParameterBeatsAGreedyPath() {
    assertEquals("readme", target("GET", "/files/docs/readme"));
    assertEquals("files", target("GET", "/files/docs/a/b.txt"));
    assertEquals("docs/a/b.txt", routes.match("GET", "/files/docs/a/b.txt").orElseThrow().pathParameters().get("path"));
  }

  @Test
  void pathParametersAreDecoded() {
    var match = routes.match("GET", "/orders/a%20b%2Bc").orElseThrow();
    assertEquals(Map.of("id", "a b+c"), match.pathParameters());
    assertEquals("GET /orders/{id}", match.route().routeKey());
  }

  @Test
  void noMatchForAnUnknownPathOrMethod() {
    assertEquals(null, target("GET", "/customers"));
    assertEquals(null, target("PUT", "/orders"));
    assertEquals(null, target("GET", "/orders/1/extra"));
    assertEquals(null, target("GET", "/orders/"), "an empty parameter is no match");
  }

  @Test
  void aTrailingSlashIsIgnoredOnLiteralRoutes() {
    assertEquals("create", target("POST", "/orders/"));
  }

  @Test
  void defaultRouteCatchesTheRest() {
    RouteMatcher<String> withDefault = new RouteMatcher<String>().add("GET", "/a", "a", false)
        .add("ANY", "$default", "fallback", false);
    assertEquals("a", withDefault.match("GET", "/a").orElseThrow().route().target());
    assertEquals("fallback", withDefault.match("POST", "/zzz").orElseThrow().route().target());
    assertEquals("$default", withDefault.match("POST", "/zzz").orElseThrow().route().routeKey());
  }

  @Test
  void keepsWhetherARouteIsAuthorized() {
    assertTrue(routes.match("GET", "/staff/orders").orElseThrow().route().authorized());
    assertFalse(routes.match("POST", "/orders").orElseThrow().route().authorized());
  }

  @Test
  void knowsWhichPathsExistForPreflights() {
    assertTrue(routes.pathExists("/orders/o_1"));
    assertFalse(routes.pathExists("/nothing"));
  }

  @Test
  void aRouteDeclaredTwiceIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> routes.add("POST", "/orders", "again", false));
  }
}
