package dev.storeops.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link dev.storeops.bench.ColdStartBench}: what the Lambda Java runtime does in a new
 * execution environment, timed. Builds the handler class through its no-argument constructor (the
 * environment is the process's, as in Lambda), then answers two events: the first (the cold request)
 * and the second (warm), each deserialised and its result serialised with the Lambda runtime's own
 * serializers. Its class path is the function's jar, the runtime's serialization jar and this class
 * (nothing else of the bench is loaded). Prints one line {@code COLDSTART k=v ...} with
 * {@link System#nanoTime()} stamps, which the parent compares with its own (one monotonic clock per machine).
 *
 * <p>Arguments: {@code <handlerClass> <method> <firstEventFile> <warmEventFile> <outputFile>}.
 */
public final class ColdStartChild {
  private ColdStartChild() {}

  public static void main(String[] args) throws Throwable {
    long main = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getConstructor().newInstance();
    long init = System.nanoTime();
    InitDone.mark();
    Method method = entryPoint(type, args[1]);
    byte[] first = Files.readAllBytes(Path.of(args[2]));
    byte[] second = Files.readAllBytes(Path.of(args[3]));
    long firstStart = System.nanoTime();
    byte[] out1 = call(handler, method, first, "bench-first");
    long firstEnd = System.nanoTime();
    FirstDone.mark();
    byte[] out2 = call(handler, method, second, "bench-warm");
    long warmEnd = System.nanoTime();
    Files.write(Path.of(args[4]), concat(out1, out2));
    int classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println("COLDSTART main=" + main + " init=" + init + " firstStart=" + firstStart
        + " firstEnd=" + firstEnd + " warmEnd=" + warmEnd + " classes=" + classes);
    System.out.flush();
    System.exit(0);
  }

  /**
   * Marks in a class-loading log ({@code --jvm-args=-Xlog:class+load:file=…}): this class loads right after
   * init, {@link FirstDone} right after the first response, so the log splits into what init loaded and
   * what the first request still had to load (docs/performance.md, "What the first request still loads").
   */
  static final class InitDone {
    static void mark() {}
  }

  /** The mark after the first response (see {@link InitDone}). */
  static final class FirstDone {
    static void mark() {}
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    r[a.length] = '\n';
    System.arraycopy(b, 0, r, a.length + 1, b.length);
    return r;
  }

  private static Method entryPoint(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (!m.getName().equals(name) || m.isBridge() || m.isSynthetic() || !Modifier.isPublic(m.getModifiers())) {
        continue;
      }
      if (p.length == 2 && p[1] == Context.class
          || p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class) {
        return m;
      }
    }
    throw new IllegalArgumentException(type.getName() + " has no handler method " + name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] call(Object handler, Method method, byte[] event, String requestId) throws Throwable {
    Context context = new BenchContext(requestId);
    try {
      if (method.getParameterCount() == 3) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        method.invoke(handler, new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
      }
      Type inputType = method.getGenericParameterTypes()[0];
      Object input = serializer(inputType, handler.getClass().getClassLoader())
          .fromJson(new ByteArrayInputStream(event));
      Object result = method.invoke(handler, input, context);
      if (result == null) {
        return "null".getBytes(StandardCharsets.UTF_8);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PojoSerializer s = serializer(result.getClass(), handler.getClass().getClassLoader());
      s.toJson(result, out);
      return out.toByteArray();
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static PojoSerializer<?> serializer(Type type, ClassLoader loader) {
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      return LambdaEventSerializers.serializerFor(c, loader);
    }
    return type instanceof Class<?> c ? JacksonFactory.getInstance().getSerializer(c)
        : JacksonFactory.getInstance().getSerializer(type);
  }

  private record BenchContext(String requestId) implements Context {
    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      return "bench";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:bench";
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
      return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.write(message, 0, message.length);
        }
      };
    }
  }
}
