package dev.storeops.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingTest {
  private static final Env ENV = Env.of(Map.of());

  @Test
  void runsEveryStepAndSwallowsTheirErrors() {
    List<String> ran = new ArrayList<>();
    Priming priming = Priming.of("test", ENV)
        .step("first", () -> ran.add("first"))
        .step("failing", () -> {
          ran.add("failing");
          throw new IllegalStateException("AccessDenied");
        })
        .step("last", () -> ran.add("last"));

    assertEquals(2, priming.run());
    assertEquals(List.of("first", "failing", "last"), ran);
  }

  @Test
  void sendsReadOnlyRequestsThroughTheRouterAsTheRoleGiven() {
    List<String> seen = new ArrayList<>();
    Router router = new Router(Map.of("GET /staff/orders/{id}", java.util.Set.of("owner")))
        .on("GET /staff/orders/{id}", request -> {
          seen.add(request.pathParameter("id"));
          return HttpResponse.json(200, Map.of());
        });

    int ok = Priming.of("test", ENV)
        .staffRoute(router, "GET /staff/orders/{id}", "/staff/orders/ord_priming", Map.of("id", "ord_priming"), "owner")
        .run();

    assertEquals(1, ok);
    assertEquals(List.of("ord_priming"), seen);
    assertThrows(IllegalArgumentException.class,
        () -> Priming.of("test", ENV).route(router, "POST /orders", "/orders", Map.of()));
  }

  @Test
  void runsInInitWhenAskedTo() {
    List<String> ran = new ArrayList<>();
    System.setProperty(Priming.PRIME_IN_INIT, "true");
    try {
      Priming.of("test", ENV).step("one", () -> ran.add("one")).register();
    } finally {
      System.clearProperty(Priming.PRIME_IN_INIT);
    }
    Priming.of("test", ENV).step("two", () -> ran.add("two")).register();

    assertEquals(List.of("one"), ran);
  }
}
