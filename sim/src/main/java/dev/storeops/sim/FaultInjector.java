package dev.storeops.sim;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Faults of the AWS services, injected into the real SDK clients of the handlers: registered for every
 * client of the JVM through the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), it does nothing until the
 * simulation {@link #start starts} it, and then touches only calls made inside a handler invocation
 * (the simulation's own reads and the local-mode deliveries stay clean).
 *
 * <p>A seeded share of DynamoDB, SQS, SES and S3 calls fails, as the handler sees it after the SDK:
 * throttling, a 500, a timeout before the request left, a timeout after the service applied it (the
 * response is lost), and, on DynamoDB writes guarded by an optimistic condition (an order's {@code rev},
 * a stock item's {@code reserved}), a conditional-check race. A seeded share of invocations crashes after
 * its N-th successful call: the call's effect stays, the invocation dies ({@link SimulatedCrash}, an
 * {@link Error} no handler catches), and every later call of that invocation fails as well.
 */
public final class FaultInjector implements ExecutionInterceptor {

  /** What was injected. */
  public enum Kind { THROTTLING, SERVER_ERROR, TIMEOUT_BEFORE, TIMEOUT_AFTER, CONDITION_RACE, CRASH }

  /** {@code share}: of the handlers' AWS calls that fail; {@code crashShare}: of invocations that crash. */
  public record Settings(double share, double crashShare, long seed) {
    public static Settings clean(long seed) {
      return new Settings(0, 0, seed);
    }
  }

  /** A handler's process dying between two of its writes. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String message) {
      super(message);
    }
  }

  /** What the injector saw and did (read by the simulation's figures). */
  public record Figures(Map<String, Long> callsByService, Map<Kind, Long> injected, long invocations,
      long faultedInvocations) {
    public long calls() {
      return callsByService.values().stream().mapToLong(Long::longValue).sum();
    }

    public long faults() {
      return injected.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final Pattern OPTIMISTIC = Pattern.compile("rev = :|attribute_not_exists\\(rev\\)|reserved = :");
  private static final ExecutionAttribute<Boolean> LOSE_RESPONSE = new ExecutionAttribute<>("sim.loseResponse");
  private static final List<String> SERVICES = List.of("DynamoDb", "Sqs", "SesV2", "S3");

  private static final Object LOCK = new Object();
  private static Settings settings;
  private static Random random;
  private static final Map<String, Long> calls = new TreeMap<>();
  private static final Map<Kind, Long> injected = new EnumMap<>(Kind.class);
  private static long invocations;
  private static long faultedInvocations;
  // the current invocation (the simulation runs one at a time)
  private static String invocation;
  private static int successfulCalls;
  private static int crashAfter;
  private static boolean crashed;
  private static boolean faulted;
  private static boolean paused;
  private static int forcedCrashAfter = -1;
  // a crash or a rival's action aimed at one operation of the next invocation (a large order's intake)
  private static String forcedCrashAtOperation;
  private static String crashAtOperation;
  private static String hookOperation;
  private static Runnable hook;
  private static long aimsTaken;
  /** Calls made by a rival's action run between two of a handler's calls: neither counted nor faulted. */
  private static final ThreadLocal<Boolean> IN_HOOK = ThreadLocal.withInitial(() -> false);
  // the profile (the bench prints it): calls per function × operation, wall time per function
  private static final Map<String, Long> operations = new TreeMap<>();
  private static final Map<String, Long> nanosByFunction = new TreeMap<>();
  private static final Map<String, Long> invocationsByFunction = new TreeMap<>();
  private static long invocationStartedAt;
  private static final List<String> callsOfInvocation = new java.util.ArrayList<>();

  /** The calls ({@code service.operation}) of the current or last invocation, in order. */
  static List<String> callsOfLastInvocation() {
    synchronized (LOCK) {
      return List.copyOf(callsOfInvocation);
    }
  }

  /**
   * Where the time goes: the handlers' AWS calls by {@code function service.operation}, and per function
   * its invocations and wall seconds (the emulators' time included), both largest first, at most
   * {@code top} lines each.
   */
  public static String profile(int top) {
    synchronized (LOCK) {
      StringBuilder b = new StringBuilder("  calls by function and operation (largest first):\n");
      operations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
          .forEach(e -> b.append(String.format(java.util.Locale.ROOT, "    %8d  %s%n", e.getValue(), e.getKey())));
      b.append("  invocations and wall seconds by function (largest first):\n");
      nanosByFunction.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
          .forEach(e -> b.append(String.format(java.util.Locale.ROOT, "    %8.1f s  %6d invocations  %s%n",
              e.getValue() / 1e9, invocationsByFunction.getOrDefault(e.getKey(), 0L), e.getKey())));
      return b.toString();
    }
  }

  /** The next invocation crashes right after its {@code calls}-th successful call (tests of one crash point). */
  static void crashNextInvocationAfter(int calls) {
    synchronized (LOCK) {
      forcedCrashAfter = calls;
    }
  }

  /**
   * The next invocation crashes right after its first successful call of {@code operation} ({@code
   * Service.Operation}, e.g. {@code DynamoDb.TransactWriteItems}): the simulation aims it at a large order's
   * intake, which then dies between its two transactions (docs/simulation.md).
   */
  static void crashNextInvocationAfterFirst(String operation) {
    synchronized (LOCK) {
      forcedCrashAtOperation = operation;
    }
  }

  /**
   * Right after the next successful call of {@code operation} inside a handler invocation, runs {@code
   * action} — a rival moving stock between two of the handler's writes (the simulation: a stock count
   * between a large order's two intake transactions). The action's own AWS calls are neither counted nor
   * faulted. {@link #disarm} drops an aim that was not reached.
   */
  static void afterNextCall(String operation, Runnable action) {
    synchronized (LOCK) {
      hookOperation = operation;
      hook = action;
    }
  }

  /** How many aimed crashes and rival actions were reached so far (an aim missed by a failed attempt is aimed again). */
  static long aimsTaken() {
    synchronized (LOCK) {
      return aimsTaken;
    }
  }

  /** Drops an aimed crash or rival action that no call reached. */
  static void disarm() {
    synchronized (LOCK) {
      forcedCrashAtOperation = null;
      crashAtOperation = null;
      hookOperation = null;
      hook = null;
    }
  }

  /** Starts counting and injecting with these settings (a share of 0 only counts). */
  public static void start(Settings s) {
    synchronized (LOCK) {
      settings = s;
      random = new Random(s.seed());
      calls.clear();
      injected.clear();
      operations.clear();
      nanosByFunction.clear();
      invocationsByFunction.clear();
      invocations = 0;
      faultedInvocations = 0;
      invocation = null;
      paused = false;
    }
  }

  public static void stop() {
    synchronized (LOCK) {
      settings = null;
      invocation = null;
    }
  }

  /** No faults (still counted) until {@link #resume()}: the simulation's invariant checks read through the handlers. */
  public static void pause() {
    synchronized (LOCK) {
      paused = true;
    }
  }

  public static void resume() {
    synchronized (LOCK) {
      paused = false;
    }
  }

  public static Figures figures() {
    synchronized (LOCK) {
      return new Figures(new TreeMap<>(calls), new EnumMap<>(injected), invocations, faultedInvocations);
    }
  }

  /** A handler invocation begins (local mode's invocation listener); decides whether it will crash. */
  public static void invocationStarted(String functionId) {
    synchronized (LOCK) {
      if (settings == null) {
        return;
      }
      invocation = functionId;
      invocations++;
      invocationStartedAt = System.nanoTime();
      callsOfInvocation.clear();
      invocationsByFunction.merge(functionId, 1L, Long::sum);
      successfulCalls = 0;
      crashed = false;
      faulted = false;
      crashAfter = !paused && settings.crashShare() > 0 && random.nextDouble() < settings.crashShare()
          ? 1 + random.nextInt(6) : -1;
      if (forcedCrashAfter > 0) {
        crashAfter = forcedCrashAfter;
        forcedCrashAfter = -1;
      }
      crashAtOperation = forcedCrashAtOperation;
      forcedCrashAtOperation = null;
    }
  }

  /** The invocation ended; whether a fault was injected into it. */
  public static boolean invocationFinished() {
    synchronized (LOCK) {
      boolean f = faulted;
      if (f) {
        faultedInvocations++;
      }
      if (invocation != null) {
        nanosByFunction.merge(invocation, System.nanoTime() - invocationStartedAt, Long::sum);
      }
      invocation = null;
      return f;
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    RuntimeException fault = null;
    if (IN_HOOK.get()) {
      return;
    }
    synchronized (LOCK) {
      if (settings == null || invocation == null || !SERVICES.contains(service)) {
        return;
      }
      calls.merge(service, 1L, Long::sum);
      String operation = service + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      operations.merge(invocation + " " + operation, 1L, Long::sum);
      callsOfInvocation.add(operation);
      if (crashed) {
        throw new SimulatedCrash("the process of " + invocation + " is gone");
      }
      if (paused || settings.share() <= 0 || random.nextDouble() >= settings.share()) {
        return;
      }
      Kind kind = pick(context.request());
      faulted = true;
      injected.merge(kind, 1L, Long::sum);
      if (kind == Kind.TIMEOUT_AFTER) {
        attributes.putAttribute(LOSE_RESPONSE, true);
        return;
      }
      fault = fault(kind, service, context.request());
    }
    throw fault;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    if (IN_HOOK.get()) {
      return;
    }
    Runnable rival = null;
    synchronized (LOCK) {
      if (settings == null || invocation == null || !SERVICES.contains(service)) {
        return;
      }
      successfulCalls++;
      String operation = service + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      boolean aimed = operation.equals(crashAtOperation);
      if (aimed) {
        crashAtOperation = null;
        aimsTaken++;
      }
      if ((aimed || crashAfter > 0 && successfulCalls >= crashAfter) && !crashed) {
        crashed = true;
        faulted = true;
        injected.merge(Kind.CRASH, 1L, Long::sum);
        throw new SimulatedCrash(invocation + " crashed after its call " + successfulCalls + " ("
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " applied)");
      }
      if (hook != null && operation.equals(hookOperation)) {
        rival = hook;
        hook = null;
        hookOperation = null;
        aimsTaken++;
      }
    }
    if (rival != null) {
      IN_HOOK.set(true);
      try {
        rival.run();
      } finally {
        IN_HOOK.set(false);
      }
    }
    if (Boolean.TRUE.equals(attributes.getAttribute(LOSE_RESPONSE))) {
      throw readTimeout();
    }
  }

  private static Kind pick(SdkRequest request) {
    double r = random.nextDouble();
    if (r < 0.2 && optimistic(request)) {
      return Kind.CONDITION_RACE;
    }
    if (r < 0.45) {
      return Kind.THROTTLING;
    }
    if (r < 0.7) {
      return Kind.SERVER_ERROR;
    }
    return r < 0.85 ? Kind.TIMEOUT_BEFORE : Kind.TIMEOUT_AFTER;
  }

  /** A DynamoDB write guarded by an optimistic condition: a lost race there is read again and decided again. */
  static boolean optimistic(SdkRequest request) {
    if (request instanceof UpdateItemRequest u) {
      return u.conditionExpression() != null && OPTIMISTIC.matcher(u.conditionExpression()).find();
    }
    if (request instanceof PutItemRequest p) {
      return p.conditionExpression() != null && OPTIMISTIC.matcher(p.conditionExpression()).find();
    }
    if (request instanceof TransactWriteItemsRequest t) {
      return t.transactItems().stream().anyMatch(FaultInjector::optimistic);
    }
    return false;
  }

  private static boolean optimistic(TransactWriteItem i) {
    String c = i.update() != null ? i.update().conditionExpression() : null;
    return c != null && OPTIMISTIC.matcher(c).find();
  }

  static RuntimeException fault(Kind kind, String service, SdkRequest request) {
    return switch (kind) {
      case THROTTLING -> throttling(service);
      case SERVER_ERROR -> serverError(service);
      case TIMEOUT_BEFORE -> connectTimeout();
      case TIMEOUT_AFTER -> readTimeout();
      case CONDITION_RACE -> race(request);
      case CRASH -> throw new IllegalArgumentException("a crash is not a call's fault");
    };
  }

  private static AwsErrorDetails details(String service, String code, int status) {
    return AwsErrorDetails.builder().serviceName(service).errorCode(code).errorMessage(code + " (injected)")
        .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(status).build()).build();
  }

  static AwsServiceException throttling(String service) {
    if (service.equals("DynamoDb")) {
      return ProvisionedThroughputExceededException.builder().statusCode(400).message("Rate exceeded (injected)")
          .awsErrorDetails(details(service, "ProvisionedThroughputExceededException", 400)).build();
    }
    String code = switch (service) {
      case "S3" -> "SlowDown";
      case "SesV2" -> "TooManyRequestsException";
      default -> "ThrottlingException";
    };
    int status = service.equals("S3") ? 503 : service.equals("SesV2") ? 429 : 400;
    return AwsServiceException.builder().statusCode(status).message(code + " (injected)")
        .awsErrorDetails(details(service, code, status)).build();
  }

  static AwsServiceException serverError(String service) {
    if (service.equals("DynamoDb")) {
      return InternalServerErrorException.builder().statusCode(500).message("Internal server error (injected)")
          .awsErrorDetails(details(service, "InternalServerError", 500)).build();
    }
    return AwsServiceException.builder().statusCode(500).message("InternalFailure (injected)")
        .awsErrorDetails(details(service, "InternalFailure", 500)).build();
  }

  /** The request never left: the connection could not be made in time. */
  static SdkClientException connectTimeout() {
    return SdkClientException.builder().message("Unable to execute HTTP request: Connect timed out (injected)")
        .cause(new SocketTimeoutException("Connect timed out")).build();
  }

  /** The request went out and the service applied it; its answer never came. */
  static SdkClientException readTimeout() {
    return SdkClientException.builder()
        .message("Unable to execute HTTP request: Read timed out (after the service applied the request; injected)")
        .cause(new SocketTimeoutException("Read timed out")).build();
  }

  static AwsServiceException race(SdkRequest request) {
    if (request instanceof TransactWriteItemsRequest t) {
      List<CancellationReason> reasons = new ArrayList<>();
      for (TransactWriteItem i : t.transactItems()) {
        reasons.add(optimistic(i) ? CancellationReason.builder().code("ConditionalCheckFailed")
            .message("The conditional request failed").build() : CancellationReason.builder().code("None").build());
      }
      return TransactionCanceledException.builder().statusCode(400).cancellationReasons(reasons)
          .message("Transaction cancelled, please refer cancellation reasons for specific reasons (injected)")
          .awsErrorDetails(details("DynamoDb", "TransactionCanceledException", 400)).build();
    }
    return ConditionalCheckFailedException.builder().statusCode(400).message("The conditional request failed (injected)")
        .awsErrorDetails(details("DynamoDb", "ConditionalCheckFailedException", 400)).build();
  }
}
