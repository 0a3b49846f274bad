package dev.storeops.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
  void theGuardLetsOnlyReadsAndConditionCheckTransactionsOut() {
    var ddb = software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder();
    var checkOnly = ddb.transactItems(t -> t.conditionCheck(c -> c.tableName("t").conditionExpression("attribute_exists(pk)")))
        .build();
    var withPut = software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder()
        .transactItems(t -> t.conditionCheck(c -> c.tableName("t")), t -> t.put(p -> p.tableName("t"))).build();
    var none = software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder().build();
    var get = software.amazon.awssdk.services.dynamodb.model.GetItemRequest.builder().build();

    assertTrue(PrimingGuard.harmless("TransactWriteItems", checkOnly));
    assertFalse(PrimingGuard.harmless("TransactWriteItems", withPut));
    assertFalse(PrimingGuard.harmless("TransactWriteItems", none));
    for (String read : List.of("GetItem", "BatchGetItem", "Query", "Scan", "GetQueueAttributes", "GetAccount",
        "HeadObject", "GetObject", "ListObjectsV2")) {
      assertTrue(PrimingGuard.harmless(read, get), read);
    }
    for (String write : List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "SendMessage",
        "SendMessageBatch", "ReceiveMessage", "DeleteMessage", "SendEmail", "PutObject", "DeleteObject", "Publish")) {
      assertFalse(PrimingGuard.harmless(write, get), write);
    }
  }

  @Test
  void aWritingRequestIsPrimedOnlyInsideARun() {
    assertThrows(IllegalStateException.class, () -> Priming.expectWithheld(() -> { }));
    Priming priming = Priming.of("test", ENV)
        .step("sent", () -> Priming.expectWithheld(() -> { }))
        .step("withheld", () -> Priming.expectWithheld(() -> {
          throw new RuntimeException(new Priming.Withheld("SQS SendMessage"));
        }));

    assertEquals(1, priming.run());
    assertEquals(java.util.Set.of("sent"), priming.lastReport().failed().keySet());
    assertEquals(1, priming.lastReport().withheld());
  }

  @Test
  void aRefusedRequestPrimesAWriteRouteAndFailsWhenItIsNotRefused() {
    List<String> bodies = new ArrayList<>();
    Router router = new Router()
        .on("POST /orders", request -> {
          bodies.add(request.header("idempotency-key").orElse("") + " " + new String(request.bodyBytes(),
              java.nio.charset.StandardCharsets.UTF_8));
          throw dev.storeops.platform.errors.Invalid.field("lines", "at least one line");
        })
        .on("POST /carts", request -> HttpResponse.json(201, Map.of()));

    Priming priming = Priming.of("test", ENV)
        .refusedRequest(router, "POST /orders", "/orders", Map.of(), Map.of("idempotency-key", "priming-0001"),
            "{\"lines\":[]}", null)
        .refusedRequest(router, "POST /carts", "/carts", Map.of(), Map.of(), "{}", null);

    assertEquals(1, priming.run());
    assertEquals(List.of("priming-0001 {\"lines\":[]}"), bodies);
    assertEquals(java.util.Set.of("refused POST /carts"), priming.lastReport().failed().keySet());
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
