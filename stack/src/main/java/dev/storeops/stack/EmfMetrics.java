package dev.storeops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudWatch's side of the Embedded Metric Format, on this machine: the functions print EMF lines on
 * standard output ({@code platform/metrics/Metrics}), as in Lambda; this reads them from there and keeps
 * the totals per metric and dimension values, as CloudWatch would. Used by local mode (the per-invocation
 * {@code metrics:} line and {@code GET /_local/metrics}), by handler tests and by the simulation to
 * assert what was counted.
 *
 * <p>{@link #watchStandardOutput()} puts a tee on {@code System.out} (everything still reaches the
 * original stream); {@link #close()} stops watching. Thread-safe.
 */
public final class EmfMetrics implements AutoCloseable {
  /** One metric value of one EMF line. */
  public record Entry(String name, Map<String, String> dimensions, long value, String function, String requestId) {
    /** {@code OrdersPlaced{Channel=site}}: the name and its dimensions other than Stage. */
    public String key() {
      return EmfMetrics.key(name, dimensions);
    }
  }

  private static final int KEPT_REQUESTS = 1000;
  private static final CopyOnWriteArrayList<EmfMetrics> WATCHING = new CopyOnWriteArrayList<>();
  private static PrintStream original;
  private static PrintStream tee;

  private final Map<String, Map<String, String>> dimensionsByKey = new TreeMap<>();
  private final Map<String, Long> totals = new TreeMap<>();
  private final Map<String, List<Entry>> byRequest = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<EmfMetrics.Entry>> eldest) {
      return size() > KEPT_REQUESTS;
    }
  };
  private long lines;

  /** Totals of the lines given to {@link #accept} (no tee). */
  public EmfMetrics() {}

  /** Starts reading standard output; {@link #close()} stops. */
  public static EmfMetrics watchStandardOutput() {
    EmfMetrics metrics = new EmfMetrics();
    synchronized (EmfMetrics.class) {
      if (tee == null || System.out != tee) {
        original = System.out;
        tee = new PrintStream(new Tee(original), true, StandardCharsets.UTF_8);
        System.setOut(tee);
      }
      WATCHING.add(metrics);
    }
    return metrics;
  }

  /** Reads one output line; a line that is not an EMF record is ignored. Returns the entries it held. */
  public List<Entry> accept(String line) {
    List<Entry> entries = parse(line);
    if (entries.isEmpty()) {
      return entries;
    }
    synchronized (this) {
      lines++;
      for (Entry e : entries) {
        totals.merge(e.key(), e.value(), Long::sum);
        dimensionsByKey.putIfAbsent(e.key(), e.dimensions());
        if (e.requestId() != null) {
          byRequest.computeIfAbsent(e.requestId(), r -> new ArrayList<>()).add(e);
        }
      }
    }
    return entries;
  }

  /** The entries of one EMF line ({@code _aws.CloudWatchMetrics[].Metrics[].Name}, values and dimensions at the top level). */
  public static List<Entry> parse(String line) {
    if (line == null || !line.contains("\"_aws\"")) {
      return List.of();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(line);
    } catch (IOException e) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    String function = root.hasNonNull("function") ? root.get("function").asText() : null;
    String requestId = root.hasNonNull("requestId") ? root.get("requestId").asText() : null;
    for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
      Map<String, String> dimensions = new TreeMap<>();
      for (JsonNode set : directive.path("Dimensions")) {
        for (JsonNode name : set) {
          dimensions.put(name.asText(), root.path(name.asText()).asText());
        }
      }
      for (JsonNode metric : directive.path("Metrics")) {
        String name = metric.path("Name").asText();
        JsonNode value = root.path(name);
        if (value.isNumber()) {
          out.add(new Entry(name, Map.copyOf(dimensions), value.asLong(), function, requestId));
        }
      }
    }
    return out;
  }

  /** The sum of {@code metric} over every dimension set. */
  public synchronized long total(String metric) {
    return total(metric, Map.of());
  }

  /** The sum of {@code metric} over the dimension sets that have all of {@code dimensions}. */
  public synchronized long total(String metric, Map<String, String> dimensions) {
    long sum = 0;
    for (var t : totals.entrySet()) {
      Map<String, String> d = dimensionsByKey.get(t.getKey());
      if (t.getKey().equals(metric) || t.getKey().startsWith(metric + "{")) {
        if (d.entrySet().containsAll(dimensions.entrySet())) {
          sum += t.getValue();
        }
      }
    }
    return sum;
  }

  /** Every total by {@link Entry#key()}: {@code {"OrdersPlaced{Channel=site}": 2, …}}. */
  public synchronized Map<String, Long> totals() {
    return new TreeMap<>(totals);
  }

  /** The number of EMF lines read. */
  public synchronized long lines() {
    return lines;
  }

  /** The entries one invocation wrote (by its request id), removed from the per-invocation record. */
  public synchronized List<Entry> takeRequest(String requestId) {
    List<Entry> entries = byRequest.remove(requestId);
    return entries == null ? List.of() : entries;
  }

  /** Forgets everything counted so far. */
  public synchronized void reset() {
    totals.clear();
    dimensionsByKey.clear();
    byRequest.clear();
    lines = 0;
  }

  /** {@code OrdersPlaced{Channel=site}=1 MailsSent=2}: entries summed by key. */
  public static String summary(List<Entry> entries) {
    Map<String, Long> sums = new TreeMap<>();
    entries.forEach(e -> sums.merge(e.key(), e.value(), Long::sum));
    StringBuilder b = new StringBuilder();
    sums.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
    return b.toString();
  }

  static String key(String name, Map<String, String> dimensions) {
    StringBuilder b = new StringBuilder(name);
    String extra = dimensions.entrySet().stream().filter(d -> !d.getKey().equals("Stage"))
        .map(d -> d.getKey() + "=" + d.getValue()).reduce((a, c) -> a + "," + c).orElse(null);
    if (extra != null) {
      b.append('{').append(extra).append('}');
    }
    return b.toString();
  }

  @Override
  public void close() {
    synchronized (EmfMetrics.class) {
      WATCHING.remove(this);
      if (WATCHING.isEmpty() && tee != null && System.out == tee) {
        System.setOut(original);
        tee = null;
      }
    }
  }

  /** Passes every byte to the original stream and every complete line to the watchers. */
  private static final class Tee extends OutputStream {
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

    Tee(PrintStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      target.write(b);
      take(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      target.write(bytes, off, len);
      for (int i = off; i < off + len; i++) {
        take(bytes[i]);
      }
    }

    @Override
    public synchronized void flush() {
      target.flush();
    }

    private void take(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.contains("\"_aws\"")) {
          for (Iterator<EmfMetrics> it = WATCHING.iterator(); it.hasNext(); ) {
            it.next().accept(text.strip());
          }
        }
      } else {
        line.write(b);
      }
    }
  }
}
