package dev.storeops.platform.aws;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * What makes {@link Priming} harmless by construction: on every client {@link AwsClients} builds, while a
 * priming runs ({@link Priming#inProgress()}), a request that could change anything is stopped after it
 * was marshalled and signed, just before it would go out ({@code beforeTransmission}), with {@link
 * Priming.Withheld}. Let through: reads ({@code Get*}, {@code BatchGet*}, {@code TransactGet*}, {@code
 * Head*}, {@code List*}, {@code Describe*}, {@code Query}, {@code Scan}) and a {@code TransactWriteItems}
 * whose every action is a {@code ConditionCheck} (it writes nothing whatever the outcome). So a priming
 * step may call {@code SendMessage}, {@code PutItem} or {@code PutObject} to load and link their request
 * path: nothing is sent. {@code ReceiveMessage} is withheld too (it would hide messages from their
 * consumer). The guard acts per priming run, not JVM-wide: a request is withheld only when the thread
 * that makes it works for a priming run that is still going ({@link Priming#current()}), so a
 * concurrent invocation on another thread (local mode, tests) is never affected by another function's
 * priming. Outside priming the guard is one thread-local read per request.
 */
final class PrimingGuard implements ExecutionInterceptor {
  static final PrimingGuard INSTANCE = new PrimingGuard();
  private static final List<String> READ_PREFIXES =
      List.of("Get", "BatchGet", "TransactGet", "Head", "List", "Describe", "Query", "Scan");

  private PrimingGuard() {}

  /**
   * The clients {@link AwsClients} builds are synchronous: the whole call, this hook included, runs on
   * the thread that made it, so the run is that thread's. (No {@code ExecutionAttribute} for it: the SDK
   * refuses two with one name JVM-wide, and this class is loaded once per class loader — a function jar,
   * a test's jar-like loader.)
   */
  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Priming.Run run = Priming.current();
    if (run == null) {
      return;
    }
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (!harmless(operation, context.request())) {
      throw new Priming.Withheld(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " " + operation, run);
    }
  }

  /** A read, or a transaction of condition checks only. */
  static boolean harmless(String operation, SdkRequest request) {
    if (operation == null) {
      return false;
    }
    if (operation.equals("ReceiveMessage")) {
      return false;
    }
    for (String prefix : READ_PREFIXES) {
      if (operation.startsWith(prefix)) {
        return true;
      }
    }
    return operation.equals("TransactWriteItems") && conditionChecksOnly(request);
  }

  private static boolean conditionChecksOnly(SdkRequest request) {
    List<?> items = request.getValueForField("TransactItems", List.class).orElse(List.of());
    if (items.isEmpty()) {
      return false;
    }
    for (Object item : items) {
      if (!(item instanceof software.amazon.awssdk.core.SdkPojo pojo)) {
        return false;
      }
      for (var field : pojo.sdkFields()) {
        boolean set = field.getValueOrDefault(item) != null;
        if (set && !field.memberName().equals("ConditionCheck")) {
          return false;
        }
      }
    }
    return true;
  }
}
