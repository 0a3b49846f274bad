package dev.storeops.orderevents;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls a thread makes while it records ({@link #record}): a global SDK interceptor
 * (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the test
 * resources), so it sees the clients the handler builds itself from its environment. Calls of other
 * threads, and calls outside a recording, are not counted.
 */
public final class CountedCalls implements ExecutionInterceptor {
  private static final ThreadLocal<Map<String, Long>> RECORDING = new ThreadLocal<>();
  private static final ThreadLocal<java.util.List<String>> SEQUENCE = new ThreadLocal<>();

  /** Runs {@code work} on this thread and returns its calls as {@code "<service> <operation>" -> count}. */
  static Map<String, Long> record(Runnable work) {
    return record(work, new java.util.ArrayList<>());
  }

  /** As {@link #record(Runnable)}; {@code sequence} gets each call in order, with the sort key it reads or writes. */
  static Map<String, Long> record(Runnable work, java.util.List<String> sequence) {
    Map<String, Long> calls = new TreeMap<>();
    RECORDING.set(calls);
    SEQUENCE.set(sequence);
    try {
      work.run();
    } finally {
      RECORDING.remove();
      SEQUENCE.remove();
    }
    return calls;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    Map<String, Long> calls = RECORDING.get();
    if (calls != null) {
      String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      calls.merge(call, 1L, Long::sum);
      Object key = context.request().getValueForField("Key", Object.class).orElse(
          context.request().getValueForField("IndexName", Object.class).orElse(""));
      SEQUENCE.get().add(call + " " + key);
    }
  }
}
