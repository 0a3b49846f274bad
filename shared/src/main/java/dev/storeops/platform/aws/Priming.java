package dev.storeops.platform.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function ({@code
 * beforeCheckpoint}), each function runs harmless work through the code a first request needs — one
 * read-only request per SDK client, the JSON mappings of its event and body types, a read-only request
 * through its router — so the snapshot holds loaded, linked and warmed classes and the first request
 * after a restore does not pay for them.
 *
 * <p>Every Wiring does the same, at the end of building its object graph:
 * <pre>{@code
 * Priming.of("order-api", env)
 *     .step("dynamodb", clients.primeDynamoDb(table))
 *     .step("sqs", clients.primeSqs(queueUrl))
 *     .json(OrderRequest.class)
 *     .route(router, "GET /stock/{sku}", "/stock/PRIMING", Map.of("sku", "PRIMING"))
 *     .register();
 * }</pre>
 * Steps never write anything with an effect (reads of keys that do not exist, attribute and account
 * look-ups); their errors are swallowed (a denied or failed request still loads the client's whole
 * request and error path). On a JVM without CRaC (tests, local mode) {@link #register()} only keeps the
 * hook; with the system property {@value #PRIME_IN_INIT} {@code =true} it runs the steps at once, in
 * init (the cold-start bench's stand-in for a restore).
 */
public final class Priming implements Resource {
  /** System property: run the priming steps during init instead of (only) before a checkpoint. */
  public static final String PRIME_IN_INIT = "storeops.primeInInit";
  private static final Log LOG = Log.get(Priming.class);
  /** CRaC keeps its resources weakly: the registered primings live here. */
  private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

  private final String function;
  private final boolean inLambda;
  private final List<Map.Entry<String, Runnable>> steps = new ArrayList<>();

  private Priming(String function, boolean inLambda) {
    this.function = function;
    this.inLambda = inLambda;
  }

  /**
   * Priming steps of one function (its name in logs). In Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set)
   * the hook is kept for the container's life; elsewhere (tests, local mode build many handlers) CRaC's
   * weak reference is all that holds it, so it goes with its handler.
   */
  public static Priming of(String function, Env env) {
    return new Priming(function, env.aws("AWS_LAMBDA_FUNCTION_NAME") != null);
  }

  /** A step; it must be harmless to run any number of times (no writes with effects). */
  public Priming step(String what, Runnable step) {
    steps.add(Map.entry(what, step));
    return this;
  }

  /** Reads and writes each type's JSON once (the mapper's serializers and deserializers for it). */
  public Priming json(Class<?>... types) {
    for (Class<?> type : types) {
      step("json " + type.getSimpleName(), () -> {
        try {
          Object value = Json.mapper().readValue("{}", type);
          Json.write(value);
        } catch (Exception e) {
          // a type that refuses an empty object still loaded its deserializer
        }
      });
    }
    return this;
  }

  /**
   * One read-only request through the router ({@code GET} routes only: never a write), as API Gateway
   * sends it; the answer (often a 404 for the made-up id) is dropped.
   */
  public Priming route(Router router, String routeKey, String path, Map<String, String> pathParameters) {
    if (!routeKey.startsWith("GET ")) {
      throw new IllegalArgumentException("priming sends read-only requests only, not " + routeKey);
    }
    return step("route " + routeKey, () -> router.handle(getRequest(routeKey, path, pathParameters, null)));
  }

  /** As {@link #route}, for a staff route: as a staff member {@code priming} in {@code role}. */
  public Priming staffRoute(Router router, String routeKey, String path, Map<String, String> pathParameters,
      String role) {
    if (!routeKey.startsWith("GET ")) {
      throw new IllegalArgumentException("priming sends read-only requests only, not " + routeKey);
    }
    return step("route " + routeKey, () -> router.handle(getRequest(routeKey, path, pathParameters, role)));
  }

  /** Keeps the hook for the checkpoint; runs the steps now when {@value #PRIME_IN_INIT} is true. */
  public Priming register() {
    if (inLambda) {
      REGISTERED.add(this);
    }
    try {
      Core.getGlobalContext().register(this);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("priming hook not registered", "function", function, "error", e.toString());
    }
    if (Boolean.getBoolean(PRIME_IN_INIT)) {
      run();
    }
    return this;
  }

  /** Runs every step, swallowing their errors; returns how many completed without one. */
  public int run() {
    long start = System.nanoTime();
    int ok = 0;
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, Runnable> step : steps) {
      try {
        step.getValue().run();
        ok++;
      } catch (RuntimeException | LinkageError e) {
        failed.add(step.getKey());
      }
    }
    LOG.info("primed", "function", function, "steps", steps.size(), "failed", failed,
        "ms", (System.nanoTime() - start) / 1_000_000);
    return ok;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to reopen: the url-connection client opens connections per request
  }

  static APIGatewayV2HTTPEvent getRequest(String routeKey, String path, Map<String, String> pathParameters,
      String role) {
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(Map.of("accept", "application/json", "user-agent", "storeops-priming"))
        .withPathParameters(pathParameters)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRouteKey(routeKey)
            .withRequestId("priming")
            .withAuthorizer(role == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of("sub", "priming", "cognito:groups", "[" + role + "]")).build())
                .build())
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("storeops-priming").build())
            .build())
        .withIsBase64Encoded(false)
        .build();
  }
}
