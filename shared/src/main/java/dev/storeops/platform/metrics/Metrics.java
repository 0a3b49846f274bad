package dev.storeops.platform.metrics;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one way to emit metrics: counts added during an invocation and written, once at its end
 * ({@link #flush()}, or {@link #flushAfter}), as CloudWatch Embedded Metric Format (EMF) lines on
 * standard output through {@link Log#raw}. CloudWatch Logs turns each line into metrics of namespace
 * {@value #NAMESPACE}; no SDK call, no agent, nothing to wait for.
 *
 * <p>Every metric has the dimension {@code Stage} (the {@code STAGE} variable); a count may add its own
 * ({@code Channel}, {@code Function}, …). One line per distinct set of dimension values, each holding
 * that set's counts summed over the invocation, plus the {@code function} and {@code requestId} of the
 * invocation (properties, not dimensions: they tie the line to the invocation's log lines).
 *
 * <p>One instance per function container (built by the handler); thread-safe, so worker threads of an
 * invocation may count too. Business code counts through {@link ShopMetrics}.
 *
 * <p>(Powertools for AWS Lambda (Java) metrics 2.5.0 resolves, but brings ~1 MB of dependencies per
 * function, a process-wide mutable singleton and, outside Lambda, an environment probe of EC2/ECS and
 * a TCP agent sink; EMF itself is a small JSON format: see docs/decisions.md.)
 */
public final class Metrics {
  public static final String NAMESPACE = "storeops";
  public static final String STAGE = "Stage";
  public static final String FUNCTION = "Function";
  /** Health: records an SQS or stream handler reported as failed in its batch response (dimension Function). */
  public static final String BATCH_ITEM_FAILURES = "BatchItemFailures";

  private final String stage;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Long> counts = new ConcurrentHashMap<>();

  private record Key(String name, Map<String, String> dimensions) {}

  public Metrics(String stage, Clock clock) {
    this.stage = stage == null || stage.isBlank() ? "dev" : stage;
    this.clock = clock;
  }

  /** The function's metrics, of the stage the template sets ({@code STAGE}). */
  public static Metrics from(Env env) {
    return new Metrics(env.optional("STAGE", "dev"), Clock.systemUTC());
  }

  public String stage() {
    return stage;
  }

  /** Adds {@code n} to {@code name} with the dimension Stage only. */
  public void count(String name, long n) {
    count(name, n, Map.of());
  }

  /** Adds {@code n} to {@code name} with Stage plus {@code dimensions} (name → value). Zero is not recorded. */
  public void count(String name, long n, Map<String, String> dimensions) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("metric name missing");
    }
    if (n == 0) {
      return;
    }
    Map<String, String> all = new TreeMap<>(dimensions);
    all.put(STAGE, stage);
    counts.merge(new Key(name, Collections.unmodifiableMap(all)), n, Long::sum);
  }

  /** Counts the failures of an SQS batch response (health, per function) and returns it. */
  public SQSBatchResponse batchItemFailures(SQSBatchResponse response) {
    int n = response == null || response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
    count(BATCH_ITEM_FAILURES, n, Map.of(FUNCTION, functionName()));
    return response;
  }

  /** Counts the failure of a stream batch response (health, per function) and returns it. */
  public StreamsEventResponse batchItemFailures(StreamsEventResponse response) {
    int n = response == null || response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
    count(BATCH_ITEM_FAILURES, n, Map.of(FUNCTION, functionName()));
    return response;
  }

  /** Runs the invocation's work, then writes what it counted (also when it throws). */
  public <T> T flushAfter(Supplier<T> work) {
    try {
      return work.get();
    } finally {
      flush();
    }
  }

  /** Writes the counts so far as EMF lines on standard output and starts again from zero. */
  public void flush() {
    for (String line : drain()) {
      Log.raw(line);
    }
  }

  /** The EMF lines of the counts so far (the counts start again from zero); what {@link #flush()} writes. */
  public List<String> drain() {
    Map<Map<String, String>, Map<String, Long>> groups = new LinkedHashMap<>();
    for (Key key : new ArrayList<>(counts.keySet())) {
      Long value = counts.remove(key);
      if (value != null) {
        groups.computeIfAbsent(key.dimensions(), d -> new TreeMap<>()).merge(key.name(), value, Long::sum);
      }
    }
    List<String> lines = new ArrayList<>(groups.size());
    long timestamp = clock.millis();
    LambdaLogContext.Fields invocation = LambdaLogContext.current();
    groups.forEach((dimensions, values) -> lines.add(line(timestamp, dimensions, values, invocation)));
    return lines;
  }

  private static String line(long timestamp, Map<String, String> dimensions, Map<String, Long> values,
      LambdaLogContext.Fields invocation) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", timestamp);
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode names = directive.putArray("Dimensions").addArray();
    dimensions.keySet().forEach(names::add);
    ArrayNode metrics = directive.putArray("Metrics");
    values.keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", "Count"));
    dimensions.forEach(root::put);
    values.forEach(root::put);
    if (invocation != null && invocation.functionName() != null) {
      root.put("function", invocation.functionName());
    }
    if (invocation != null && invocation.requestId() != null) {
      root.put("requestId", invocation.requestId());
    }
    return root.toString();
  }

  private static String functionName() {
    LambdaLogContext.Fields invocation = LambdaLogContext.current();
    return invocation == null || invocation.functionName() == null ? "unknown" : invocation.functionName();
  }
}
