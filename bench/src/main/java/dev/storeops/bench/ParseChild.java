package dev.storeops.bench;

import dev.storeops.stockimport.core.FileReaders;
import dev.storeops.stockimport.core.ParsedFile;
import dev.storeops.stockimport.core.RejectSink;
import dev.storeops.stockimport.core.RowSource;
import dev.storeops.stockimport.core.StockFileParser;
import dev.storeops.stockimport.core.SupplierProfile;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parse benches' child JVM ({@link StockImportBench}, {@link StockParseBench}): each parse runs in its own
 * JVM ({@code -Xmx<heap> -XX:+UseSerialGC}, this JVM's classpath), samples its peak heap and prints one {@code
 * RESULT …} line that the parent reads; the supplier profile of the benches' files and our parse of them.
 */
final class ParseChild {
  /** The benches' supplier: the columns of their generated files, "много" = 50. */
  static final SupplierProfile PROFILE = new SupplierProfile("bench", "msk-1", "auto", "auto", "auto", null,
      new SupplierProfile.Columns(List.of("Артикул"), List.of("Остаток"), List.of("Наименование"), List.of("Цена"),
          null), Map.of("много", 50L), null, null).validated();

  private ParseChild() {}

  /** What a child answered: its {@code RESULT …} line ({@code null}: none), else its first output, and its exit. */
  record Answer(String result, String output, int exitValue) {
    /** The text of a child that printed no result. */
    String noResult() {
      return "no result, exit " + exitValue + ": " + output.strip();
    }
  }

  /** Runs {@code main}'s {@code main(args)} in a child JVM with {@code -Xmx<heap>} and waits for its answer. */
  static Answer run(Class<?> main, String heap, List<String> args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", classpath(),
        main.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = line;
        } else if (output.length() < 4000) {
          output.append(line).append('\n');
        }
      }
    }
    process.waitFor();
    return new Answer(result, output.toString(), process.exitValue());
  }

  /** This JVM's classpath as a child needs it: the entries of its class loaders (exec:java), else its own. */
  static String classpath() {
    ClassLoader loader = ParseChild.class.getClassLoader();
    List<String> entries = new ArrayList<>();
    while (loader != null) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (Exception e) {
            entries.add(url.getPath());
          }
        }
      }
      loader = loader.getParent();
    }
    String own = System.getProperty("java.class.path");
    if (entries.isEmpty() || !own.contains("plexus-classworlds")) {
      entries.add(own);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** In the child: the heap in use sampled every 5 ms on a daemon thread, from creation until {@link #stop()}. */
  static final class PeakHeap {
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    PeakHeap() {
      sampler = new Thread(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Stops sampling. */
    void stop() {
      sampler.interrupt();
    }

    /** The highest heap in use seen, in MB. */
    long megabytes() {
      return peak.get() >> 20;
    }
  }

  /** Our parse of a bench file (stock-import's readers and parser): its data rows; a rejected row fails. */
  static long ours(Path file) throws IOException {
    StockFileParser parser = new StockFileParser(PROFILE);
    FileReaders.Opened opened = FileReaders.open(file, file.getFileName().toString(), PROFILE, parser.detector());
    ParsedFile parsed;
    try (RowSource rows = opened.rows()) {
      parsed = parser.parse(rows, RejectSink.NONE);
    }
    if (parsed.rejectedCount() > 0) {
      throw new IllegalStateException(parsed.rejectedCount() + " rows rejected");
    }
    return parsed.dataRows();
  }
}
