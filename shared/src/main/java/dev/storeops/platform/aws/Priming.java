package dev.storeops.platform.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Steps never write anything with an effect, by construction: while a priming runs, every client of
 * {@link AwsClients} lets only reads and condition-check-only transactions go out ({@link PrimingGuard});
 * any other request (SendMessage, PutItem, PutObject, SendEmail, …) is marshalled and signed, then
 * {@link Withheld} before transmission — so steps may walk the write paths too. A step's expected
 * outcome (a 404, a cancelled condition check, a withheld send, a 4xx answer) is not a failure; any other
 * error is swallowed, counted as failed and logged (a denied request still loaded the whole request and
 * error path). On a JVM without CRaC (tests, local mode) {@link #register()} only keeps the
 * hook; with the system property {@value #PRIME_IN_INIT} {@code =true} it runs the steps at once, in
 * init (the cold-start bench's stand-in for a restore).
 */
public final class Priming implements Resource {
  /** System property: run the priming steps during init instead of (only) before a checkpoint. */
  public static final String PRIME_IN_INIT = "storeops.primeInInit";
  private static final Log LOG = Log.get(Priming.class);
  /** CRaC keeps its resources weakly: the registered primings live here. */
  private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();
  /**
   * The priming run of the current thread, if any: the guard withholds writes only for requests made
   * under a run that is still going — on the thread that runs the steps, and on threads a step starts
   * while it runs (inherited). Another thread — a concurrent invocation of another function in local mode
   * or in a test — is never affected by someone else's priming. A thread started during a run keeps the
   * (then finished) run object, which is inactive after the run: no flag outlives its run.
   */
  private static final InheritableThreadLocal<Run> CURRENT = new InheritableThreadLocal<>();

  private final String function;
  private final boolean inLambda;
  private final List<Map.Entry<String, Runnable>> steps = new ArrayList<>();
  private volatile Report last;

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
    return new Priming(function, env.aws("AWS_LAMBDA_FUNCTION_NAME") != null)
        .step("metrics line", Priming::primeMetricsLine);
  }

  /**
   * Every invocation ends by writing what it counted as an EMF line ({@code platform/metrics/Metrics}, a
   * Jackson tree written with {@code toString()}): rendered here once, not written.
   */
  static void primeMetricsLine() {
    Metrics metrics = new Metrics("priming", java.time.Clock.systemUTC());
    metrics.count("Priming", 1, Map.of(Metrics.FUNCTION, "priming"));
    if (metrics.drain().isEmpty()) {
      throw new IllegalStateException("no EMF line rendered");
    }
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
   * Reads {@code sample} (a real-shaped JSON document of {@code type}: nested records, lists, enums,
   * dates) into the type and writes the value back: every serializer and deserializer of the type's
   * graph, not only the top level's. A sample the type refuses is a failed step.
   */
  public Priming json(Class<?> type, String sample) {
    return step("json " + type.getSimpleName(), () -> {
      try {
        Json.write(Json.mapper().readValue(sample, type));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("priming sample of " + type.getSimpleName() + " refused: " + e.getMessage(), e);
      }
    });
  }

  /**
   * The Lambda runtime's own (de)serialization of the function's event and response types: a real-shaped
   * sample event of {@code eventType} read, and a sample response of {@code responseType} written, with
   * the runtime's serializers ({@code aws-lambda-java-serialization}: its shaded Jackson, the event
   * mix-ins), as the runtime does before and after the handler. Found by name through the function's
   * class loader (the runtime's class path in Lambda, the bench's child); where they are absent (tests,
   * local mode) the step does nothing.
   */
  public Priming lambdaEvent(Class<?> eventType, Class<?> responseType) {
    return step("event " + eventType.getSimpleName(), () -> {
      ClassLoader loader = eventType.getClassLoader() != null ? eventType.getClassLoader() : Priming.class.getClassLoader();
      try {
        Class<?> pojo = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", true, loader);
        Object in = serializer(eventType, loader);
        // as the runtime reads an event: from the invocation's bytes (a stream), not from a String
        Object event = pojo.getMethod("fromJson", java.io.InputStream.class).invoke(in, new java.io.ByteArrayInputStream(
            EventSamples.event(eventType.getName()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        pojo.getMethod("toJson", Object.class, java.io.OutputStream.class)
            .invoke(in, event, java.io.OutputStream.nullOutputStream());
        String response = EventSamples.response(responseType.getName());
        if (response != null) {
          Object out = serializer(responseType, loader);
          Object value = pojo.getMethod("fromJson", String.class).invoke(out, response);
          pojo.getMethod("toJson", Object.class, java.io.OutputStream.class)
              .invoke(out, value, java.io.OutputStream.nullOutputStream());
        }
      } catch (ClassNotFoundException absent) {
        // not run by the Lambda runtime here: nothing to prime
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("runtime serializers of " + eventType.getSimpleName() + ": " + e, e);
      }
    });
  }

  /**
   * The Lambda runtime's writing of a response whose type has no fixed sample ({@link #lambdaEvent} writes
   * none for lists): {@code sample} makes a real-shaped answer of the handler (e.g. a list of the records it
   * returns), written with the runtime's serializer for its class, as the runtime writes the handler's
   * result. Where the runtime's serializers are absent (tests, local mode) the step does nothing.
   */
  public Priming lambdaResponse(String what, java.util.function.Supplier<?> sample) {
    return step("response " + what, () -> {
      Object value = sample.get();
      ClassLoader loader = Priming.class.getClassLoader();
      try {
        Class<?> pojo = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", true, loader);
        pojo.getMethod("toJson", Object.class, java.io.OutputStream.class)
            .invoke(serializer(value.getClass(), loader), value, java.io.OutputStream.nullOutputStream());
      } catch (ClassNotFoundException absent) {
        // not run by the Lambda runtime here: nothing to prime
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("runtime serializer of " + what + ": " + e, e);
      }
    });
  }

  private static Object serializer(Class<?> type, ClassLoader loader) throws ReflectiveOperationException {
    Class<?> events = Class.forName(
        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers", true, loader);
    if ((boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName())) {
      return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, loader);
    }
    Class<?> factory = Class.forName(
        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory", true, loader);
    Object jackson = factory.getMethod("getInstance").invoke(null);
    return factory.getMethod("getSerializer", Class.class).invoke(jackson, type);
  }

  /**
   * A write route primed by a request its validation refuses: {@code body} is parsed in full (the body
   * type's whole JSON mapping), the use case's checks run and the route answers 400/422 as problem+json,
   * writing nothing (and the guard withholds any write that might be attempted). Any other answer is a
   * failed step. {@code role}: a staff role for staff routes, or {@code null}.
   */
  public Priming refusedRequest(Router router, String routeKey, String path, Map<String, String> pathParameters,
      Map<String, String> headers, String body, String role) {
    return step("refused " + routeKey, () -> {
      APIGatewayV2HTTPEvent event = getRequest(routeKey, path, pathParameters, role);
      Map<String, String> all = new java.util.HashMap<>(event.getHeaders());
      all.put("content-type", "application/json");
      all.putAll(headers);
      event.setHeaders(all);
      event.setBody(body);
      int status = router.handle(event).getStatusCode();
      if (status != 400 && status != 422) {
        throw new IllegalStateException(routeKey + " answered " + status + ", not a validation error");
      }
    });
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

  /** What one run did: steps, the failed ones (with their error), requests withheld by the guard. */
  public record Report(String function, int steps, Map<String, String> failed, int withheld, long millis) {}

  /** Runs every step, swallowing their errors; returns how many completed without one. */
  public int run() {
    long start = System.nanoTime();
    int ok = 0;
    Map<String, String> failed = new java.util.LinkedHashMap<>();
    Run run = new Run();
    Run outer = CURRENT.get();
    CURRENT.set(run);
    try {
      for (Map.Entry<String, Runnable> step : steps) {
        try {
          step.getValue().run();
          ok++;
        } catch (RuntimeException | LinkageError e) {
          failed.put(step.getKey(), e.toString());
        }
      }
    } finally {
      run.active = false;
      CURRENT.set(outer);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    last = new Report(function, steps.size(), failed, run.withheld.get(), ms);
    LOG.info("primed", "function", function, "steps", steps.size(), "failed", failed.keySet(),
        "withheld", last.withheld(), "ms", ms);
    return ok;
  }

  /** The last run's report, or {@code null} before the first run. */
  public Report lastReport() {
    return last;
  }

  /** The primings kept for the checkpoint (in Lambda: {@code AWS_LAMBDA_FUNCTION_NAME} set). */
  public static List<Priming> registered() {
    return List.copyOf(REGISTERED);
  }

  /**
   * True while a priming runs on this thread (or on the thread that started this one during its run):
   * {@link PrimingGuard} then withholds every request of this thread that could write.
   */
  static boolean inProgress() {
    return current() != null;
  }

  /** The priming run this thread works for, while it runs; {@code null} otherwise. */
  static Run current() {
    Run run = CURRENT.get();
    return run != null && run.active ? run : null;
  }

  /** One run of the steps: whether it is still going, and the requests the guard withheld for it. */
  static final class Run {
    volatile boolean active = true;
    final AtomicInteger withheld = new AtomicInteger();
  }

  /**
   * A request the guard stopped before transmission during priming (it was marshalled and signed); a
   * step that sends on purpose expects it ({@link #expectWithheld}).
   */
  public static final class Withheld extends RuntimeException {
    Withheld(String request) {
      this(request, current());
    }

    /** Counted in {@code run}'s report (the run the withheld request was made for). */
    Withheld(String request, Run run) {
      super("withheld during priming: " + request, null, false, false);
      if (run != null) {
        run.withheld.incrementAndGet();
      }
    }
  }

  /**
   * Runs a request that the guard must withhold (a send, a put): its marshalling and signing run,
   * nothing goes out. Anything else (it was sent, or failed earlier) fails the step.
   */
  public static void expectWithheld(Runnable request) {
    if (!inProgress()) {
      throw new IllegalStateException("a writing request is primed only inside a priming run (the guard is off)");
    }
    try {
      request.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Withheld) {
          return;
        }
      }
      throw e;
    }
    throw new IllegalStateException("a priming request that writes was not withheld");
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
