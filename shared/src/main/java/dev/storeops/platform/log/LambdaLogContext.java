package dev.storeops.platform.log;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocation every log line belongs to: request id, function name and whether this is the
 * container's first invocation of that function (cold start). A handler calls {@link #enter(Context)}
 * first thing; {@link Log} adds the fields to each line.
 *
 * <p>Kept per thread (local mode runs several functions in one JVM); a thread that never entered
 * (a worker pool of the handler) sees the invocation entered last in the process, which in Lambda —
 * one invocation at a time per container — is its own. A {@code null} Context (tests) is tolerated.
 */
public final class LambdaLogContext {
  /** What {@link Log} writes; {@code null} fields are left out. */
  public record Fields(String requestId, String functionName, boolean coldStart) {}

  private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Fields> CURRENT = new ThreadLocal<>();
  private static volatile Fields last;

  private LambdaLogContext() {}

  /** Marks the start of an invocation on this thread. */
  public static Fields enter(Context context) {
    String requestId = context == null ? null : context.getAwsRequestId();
    String function = context == null ? null : context.getFunctionName();
    boolean cold = STARTED.add(function == null ? "" : function);
    Fields fields = new Fields(requestId, function, cold);
    CURRENT.set(fields);
    last = fields;
    return fields;
  }

  /** The invocation of this thread, else the last one entered, else {@code null} (outside any invocation). */
  public static Fields current() {
    Fields f = CURRENT.get();
    return f != null ? f : last;
  }
}
