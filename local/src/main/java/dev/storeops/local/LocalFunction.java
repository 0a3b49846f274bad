package dev.storeops.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.Log;
import dev.storeops.stack.EmfMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One function of the template, run in this JVM as Lambda runs it: the handler class built through
 * its {@code (Env)} constructor with the function's environment (one instance per concurrent
 * invocation, reused warm, like Lambda execution environments), the event deserialised with the
 * Lambda runtime's own serializers, and the result serialised back to JSON. The metrics an invocation
 * printed (EMF lines, read by {@link EmfMetrics}) follow its log line as {@code metrics: <function> …}.
 */
public final class LocalFunction {
  private static final Log LOG = Log.get(LocalFunction.class);
  /** Where Lambda's {@link LambdaLogger} writes: the function's standard output. */
  private static final java.io.PrintStream FUNCTION_OUTPUT = System.out;

  private final String logicalId;
  private final String functionName;
  private final Class<?> handlerClass;
  private final Method method;
  private final boolean streamHandler;
  private final Constructor<?> constructor;
  private final Env env;
  private final int timeoutSeconds;
  private final int memoryMb;
  private final EmfMetrics metrics;
  private final ConcurrentLinkedDeque<Object> warm = new ConcurrentLinkedDeque<>();
  private final java.time.Clock clock;
  private final Listener listener;

  /**
   * Sees every invocation begin and end, on the invoking thread (the simulation counts and injects
   * faults per invocation with it).
   */
  public interface Listener {
    Listener NONE = new Listener() {
      @Override
      public void started(String functionId, String trigger) {}

      @Override
      public void finished(String functionId, Result result) {}
    };

    void started(String functionId, String trigger);

    void finished(String functionId, Result result);
  }

  /** The outcome of one invocation: the handler's JSON result, or its error. */
  public record Result(String requestId, byte[] output, Throwable error, long durationMs) {
    public boolean ok() {
      return error == null;
    }

    public String outputText() {
      return output == null ? null : new String(output, StandardCharsets.UTF_8);
    }
  }

  LocalFunction(String logicalId, String functionName, Class<?> handlerClass, Method method, Constructor<?> constructor,
      Map<String, String> environment, int timeoutSeconds, int memoryMb, EmfMetrics metrics) {
    this(logicalId, functionName, handlerClass, method, constructor, environment, timeoutSeconds, memoryMb, metrics,
        null, Listener.NONE);
  }

  /**
   * With a {@code clock} (null: the handler's own system clock): the handler is then built through its
   * {@code (Env, Clock)} constructor when it has one, so a test or the simulation moves its time.
   */
  LocalFunction(String logicalId, String functionName, Class<?> handlerClass, Method method, Constructor<?> constructor,
      Map<String, String> environment, int timeoutSeconds, int memoryMb, EmfMetrics metrics, java.time.Clock clock,
      Listener listener) {
    this.clock = clock;
    this.listener = listener == null ? Listener.NONE : listener;
    this.logicalId = logicalId;
    this.functionName = functionName;
    this.handlerClass = handlerClass;
    this.method = method;
    this.streamHandler = method.getParameterCount() == 3;
    this.constructor = constructor;
    this.env = Env.of(environment);
    this.timeoutSeconds = timeoutSeconds;
    this.memoryMb = memoryMb;
    this.metrics = metrics;
  }

  public String logicalId() {
    return logicalId;
  }

  /**
   * Invokes the handler with {@code event} (JSON) and logs one line: function, trigger, duration,
   * outcome (plus {@code details}). {@code outcome} maps the result to the logged outcome.
   */
  public Result invoke(byte[] event, String trigger, java.util.function.Function<Result, String> outcome) {
    String requestId = UUID.randomUUID().toString();
    long start = System.nanoTime();
    byte[] output = null;
    Throwable error = null;
    Object instance = warm.pollFirst();
    boolean cold = instance == null;
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try {
      Thread.currentThread().setContextClassLoader(handlerClass.getClassLoader());
      listener.started(logicalId, trigger);
      if (instance == null) {
        instance = newInstance();
      }
      output = call(instance, event, new LocalContext(requestId, start));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (elapsed > timeoutSeconds * 1000L) {
        error = new IllegalStateException("Task timed out after " + timeoutSeconds + " seconds");
        output = null;
      }
    } catch (InvocationTargetException e) {
      error = e.getCause();
    } catch (ReflectiveOperationException | RuntimeException e) {
      error = e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      if (instance != null && error == null) {
        warm.offerFirst(instance);
      }
    }
    Result result = new Result(requestId, output, error, (System.nanoTime() - start) / 1_000_000);
    listener.finished(logicalId, result);
    String o = error != null ? "error" : outcome.apply(result);
    if (error != null) {
      LOG.error("invocation", error, "function", logicalId, "trigger", trigger, "durationMs", result.durationMs(),
          "outcome", o, "coldStart", cold, "requestId", requestId);
    } else {
      LOG.info("invocation", "function", logicalId, "trigger", trigger, "durationMs", result.durationMs(),
          "outcome", o, "coldStart", cold, "requestId", requestId);
    }
    if (metrics != null) {
      List<EmfMetrics.Entry> counted = metrics.takeRequest(requestId);
      if (!counted.isEmpty()) {
        System.out.println("metrics: " + logicalId + " " + EmfMetrics.summary(counted));
      }
    }
    return result;
  }

  private Object newInstance() throws ReflectiveOperationException {
    if (clock != null) {
      try {
        return handlerClass.getConstructor(Env.class, java.time.Clock.class).newInstance(env, clock);
      } catch (NoSuchMethodException e) {
        // no (Env, Clock) constructor: the handler keeps its own clock
      }
    }
    return constructor.newInstance(env);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] call(Object instance, byte[] event, Context context) throws ReflectiveOperationException {
    if (streamHandler) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      method.invoke(instance, new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    Type inputType = method.getGenericParameterTypes()[0];
    Object input;
    try {
      input = serializer(inputType).fromJson(new ByteArrayInputStream(event));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(logicalId + ": the event does not fit " + inputType.getTypeName(), e);
    }
    Object result = method.invoke(instance, input, context);
    if (result == null) {
      return "null".getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PojoSerializer serializer = serializer(result.getClass());
    serializer.toJson(result, out);
    return out.toByteArray();
  }

  /**
   * The serializer the Lambda Java runtime uses for a type: the event serializers for the events it
   * knows (S3, SQS, DynamoDB streams, scheduled events, …), its Jackson factory for everything else.
   */
  private PojoSerializer<?> serializer(Type type) {
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      return LambdaEventSerializers.serializerFor(c, handlerClass.getClassLoader());
    }
    return type instanceof Class<?> c ? JacksonFactory.getInstance().getSerializer(c)
        : JacksonFactory.getInstance().getSerializer(type);
  }

  /** Whether {@code method} is a handler entry point: {@code (Input, Context)} or {@code (InputStream, OutputStream, Context)}. */
  static boolean isEntryPoint(Method m) {
    Class<?>[] p = m.getParameterTypes();
    if (m.isBridge() || m.isSynthetic() || !java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
      return false;
    }
    return p.length == 2 && p[1] == Context.class
        || p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class;
  }

  private final class LocalContext implements Context {
    private final String requestId;
    private final long startNanos;

    LocalContext(String requestId, long startNanos) {
      this.requestId = requestId;
      this.startNanos = startNanos;
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "local";
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, timeoutSeconds * 1000L - (System.nanoTime() - startNanos) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
      return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          FUNCTION_OUTPUT.println(message);
        }

        @Override
        public void log(byte[] message) {
          FUNCTION_OUTPUT.println(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
