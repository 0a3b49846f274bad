package dev.storeops.bench;

import dev.storeops.local.LocalFunction;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls each function makes in local mode, by {@code function service.operation}: local
 * mode's invocation listener ({@link #listener()}) marks the invoking thread with the function for the
 * length of the invocation, and this global SDK interceptor (listed in {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} of the bench's resources) counts the calls
 * made on a marked thread. Calls outside an invocation (the bench's own reads) are not counted.
 */
public final class CallsByFunction implements ExecutionInterceptor {
  private static final ThreadLocal<String> FUNCTION = new ThreadLocal<>();
  private static final boolean OUTSIDE = Boolean.getBoolean("bench.countOutside");
  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder> INVOCATIONS = new ConcurrentHashMap<>();

  /** The listener to give local mode ({@code LocalRuntime.startWatched}). */
  public static LocalFunction.Listener listener() {
    return new LocalFunction.Listener() {
      @Override
      public void started(String functionId, String trigger) {
        FUNCTION.set(functionId);
        INVOCATIONS.computeIfAbsent(functionId, k -> new LongAdder()).increment();
      }

      @Override
      public void finished(String functionId, LocalFunction.Result result) {
        FUNCTION.remove();
      }
    };
  }

  /** Forgets what was counted (after a warm-up). */
  public static void reset() {
    CALLS.clear();
    INVOCATIONS.clear();
  }

  /** The counts so far, {@code "function service.operation" -> calls}. */
  public static Map<String, Long> calls() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    CALLS.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /**
   * A table of the calls per order ({@code orders} orders handled): per function, its DynamoDB calls per
   * order by operation and in all, largest first, then the total DynamoDB and SQS calls per order.
   */
  public static String perOrder(long orders, String prefix) {
    Map<String, Long> calls = calls();
    Map<String, Long> byFunction = new java.util.TreeMap<>();
    long dynamo = 0;
    long sqs = 0;
    long ses = 0;
    for (var e : calls.entrySet()) {
      String function = e.getKey().substring(0, e.getKey().indexOf(' '));
      if (e.getKey().contains(" DynamoDb.")) {
        byFunction.merge(function, e.getValue(), Long::sum);
        dynamo += e.getValue();
      } else if (e.getKey().contains(" Sqs.")) {
        sqs += e.getValue();
      } else if (e.getKey().contains(" Ses")) {
        ses += e.getValue();
      }
    }
    double n = Math.max(1, orders);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%sAWS calls per order (%d orders): DynamoDB %.1f, SQS %.1f, SES %.1f%n", prefix,
        orders, dynamo / n, sqs / n, ses / n));
    byFunction.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(f -> {
      b.append(String.format(Locale.ROOT, "%s  %-26s DynamoDB %5.1f per order in %d invocations:", prefix, f.getKey(),
          f.getValue() / n, INVOCATIONS.getOrDefault(f.getKey(), new LongAdder()).sum()));
      calls.entrySet().stream().filter(c -> c.getKey().startsWith(f.getKey() + " DynamoDb."))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(c -> b.append(String.format(Locale.ROOT, " %s %.1f", c.getKey().substring(c.getKey().indexOf('.') + 1),
              c.getValue() / n)));
      b.append('\n');
    });
    return b.toString();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String function = FUNCTION.get();
    if (function == null && OUTSIDE) {
      function = "(outside:" + Thread.currentThread().getName().replaceAll("[-0-9]+$", "") + ")";
    }
    if (function != null) {
      CALLS.computeIfAbsent(function + " " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    }
  }
}
