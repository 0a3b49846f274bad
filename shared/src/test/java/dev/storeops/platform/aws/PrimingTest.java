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
  /** The steps every priming has before its own: the EMF metrics line. */
  private static final int BUILT_IN = 1;

  @Test
  void everyPrimingRendersTheMetricsLineEveryInvocationEndsWith() {
    Priming priming = Priming.of("test", ENV);
    assertEquals(BUILT_IN, priming.run());
    assertEquals(Map.of(), priming.lastReport().failed());
  }

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

    assertEquals(2 + BUILT_IN, priming.run());
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

    assertEquals(1 + BUILT_IN, ok);
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

    assertEquals(1 + BUILT_IN, priming.run());
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

    assertEquals(1 + BUILT_IN, priming.run());
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

  /**
   * Two threads: one runs a priming whose step holds on while the other thread, a concurrent invocation
   * of another function, writes through a client with the same guard — its PutItem goes out (it reaches
   * the next interceptor, the stand-in for the wire), while the priming's own PutItems, before and after
   * the other thread's, are withheld and counted in its report alone. A thread the step starts during
   * the run works for the run; once the run is over nothing is withheld on either thread.
   */
  @Test
  void theGuardWithholdsOnlyThePrimingThreadsWritesNotAConcurrentInvocations() throws Exception {
    List<String> transmitted = new java.util.concurrent.CopyOnWriteArrayList<>();
    var wire = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
      @Override
      public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
          software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
        var put = (software.amazon.awssdk.services.dynamodb.model.PutItemRequest) context.request();
        transmitted.add(put.item().get("pk").s());
        throw new SentOnTheWire();
      }
    };
    var ddb = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .endpointOverride(java.net.URI.create("http://127.0.0.1:9"))
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(PrimingGuard.INSTANCE).addExecutionInterceptor(wire))
        .build();
    java.util.function.Function<String, String> put = pk -> {
      try {
        ddb.putItem(r -> r.tableName("t").item(Map.of("pk",
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk))));
        return "answered";
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof Priming.Withheld) {
            return "withheld";
          }
          if (t instanceof SentOnTheWire) {
            return "sent";
          }
        }
        throw e;
      }
    };
    var primingInsideStep = new java.util.concurrent.CountDownLatch(1);
    var otherDone = new java.util.concurrent.CountDownLatch(1);
    Map<String, String> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
    Priming priming = Priming.of("priming-thread", ENV).step("writes around another invocation", () -> {
      outcomes.put("priming before", put.apply("priming-1"));
      primingInsideStep.countDown();
      try {
        if (!otherDone.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("the other invocation did not finish");
        }
        Thread child = Thread.ofPlatform().start(() -> outcomes.put("priming child", put.apply("priming-child")));
        child.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      outcomes.put("priming after", put.apply("priming-2"));
    });

    Thread primingThread = Thread.ofPlatform().name("priming").start(priming::run);
    Thread invocation = Thread.ofPlatform().name("invocation").start(() -> {
      try {
        if (!primingInsideStep.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("the priming did not start");
        }
        outcomes.put("other invocation", put.apply("order-1"));
        outcomes.put("other invocation's inProgress", Boolean.toString(Priming.inProgress()));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        otherDone.countDown();
      }
    });
    invocation.join(15_000);
    primingThread.join(15_000);

    assertEquals(Map.of("priming before", "withheld", "other invocation", "sent",
        "other invocation's inProgress", "false", "priming child", "withheld", "priming after", "withheld"), outcomes);
    assertEquals(List.of("order-1"), transmitted);
    assertEquals(3, priming.lastReport().withheld());
    assertEquals(Map.of(), priming.lastReport().failed());
    // after the run: the priming thread's writes go out too, and no flag is left anywhere
    assertFalse(Priming.inProgress());
    assertEquals("sent", put.apply("after"));
    ddb.close();
  }

  /** The stand-in for a request that went out (no network in this test). */
  private static final class SentOnTheWire extends RuntimeException {
    SentOnTheWire() {
      super("sent", null, false, false);
    }
  }
}
