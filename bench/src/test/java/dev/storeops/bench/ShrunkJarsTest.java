package dev.storeops.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.template.SamFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof that ProGuard's shrinking (functions/proguard.pro) kept everything each function needs: for every
 * function of template.yaml, a child JVM on the function's final jar (its CodeUri) and the Lambda runtime's
 * serialization jar only — the cold-start bench's child, {@link ColdStartBench#answer} — builds the handler from
 * the template's environment against the embedded stack, with priming done in init, and answers its real-shaped
 * bench event twice (data seeded first). Each answer must be the real outcome: a 2xx, no failed batch item, the
 * stock rows applied, the supplier's mail received. Children run two at a time.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShrunkJarsTest {
  private AwsStack stack;
  private ColdStartBench bench;
  private Path work;

  @BeforeAll
  void setUp(AwsStack stack) throws IOException {
    this.stack = stack;
    this.work = Files.createTempDirectory("shrunk-jars");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.bench = new ColdStartBench(stack, RepoRoot.find(), work, java, List.of(), false);
  }

  @Test
  void everyFunctionAnswersItsEventFromItsShrunkJar() throws Exception {
    List<SamFunction> functions = stack.template().functions();
    assertFalse(functions.isEmpty());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<ColdStartBench.Answer>> answers = new LinkedHashMap<>();
    try {
      for (SamFunction f : functions) {
        answers.put(f.logicalId(), pool.submit(() -> bench.answer(f, bench.jarOf(f), true)));
      }
      List<String> failures = new ArrayList<>();
      for (var e : answers.entrySet()) {
        try {
          ColdStartBench.Answer a = e.getValue().get();
          assertRealOutcome(e.getKey(), a.responses());
        } catch (java.util.concurrent.ExecutionException | AssertionError ex) {
          Throwable cause = ex instanceof java.util.concurrent.ExecutionException ? ex.getCause() : ex;
          failures.add(e.getKey() + ": " + cause);
        }
      }
      assertTrue(failures.isEmpty(), "functions that did not do their work from their jar:\n"
          + String.join("\n", failures));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The check fails when the jar misses a class the request needs: order-api's jar without the marshaller of
   * the TransactWriteItems call that places the order (a class ProGuard keeps) answers no 201.
   */
  @Test
  void aJarWithoutANeededClassFailsTheCheck() throws Exception {
    SamFunction orderApi = stack.template().function("OrderApiFunction");
    String removed = "software/amazon/awssdk/services/dynamodb/transform/TransactWriteItemsRequestMarshaller.class";
    Path jar = bench.jarOf(orderApi);
    Path broken = work.resolve("order-api-without-one-class.jar");
    int copied = copyWithout(jar, broken, removed);
    assertTrue(copied > 0);
    Throwable failure = null;
    try {
      ColdStartBench.Answer a = bench.answer(orderApi, broken, true);
      assertRealOutcome("OrderApiFunction", a.responses());
    } catch (Exception | AssertionError e) {
      failure = e;
    }
    if (failure == null) {
      fail("order-api answered its order from a jar without " + removed);
    }
    // and the same event from the intact jar is placed (so the failure is the missing class)
    assertRealOutcome("OrderApiFunction", bench.answer(orderApi, jar, true).responses());
  }

  private static int copyWithout(Path from, Path to, String removed) throws IOException {
    int copied = 0;
    boolean found = false;
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals(removed)) {
          found = true;
          continue;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        try (var data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
        copied++;
      }
    }
    assertTrue(found, from + " has no " + removed + " (shrunk away? then pick another needed class)");
    return copied;
  }

  /** What each function's two answers must say for its work to be done. */
  private static void assertRealOutcome(String function, String responses) throws IOException {
    String[] lines = responses.split("\n");
    assertEquals(2, lines.length, function + ": two answers expected: " + responses);
    boolean warm = false;
    for (String line : lines) {
      JsonNode r = Json.mapper().readTree(line);
      String where = function + " answered " + line.substring(0, Math.min(400, line.length()));
      switch (function) {
        case "OrderApiFunction" -> assertEquals(201, r.path("statusCode").asInt(), where);
        case "StaffApiFunction", "StaffFilesFunction", "ConsoleFunction", "UnsubscribeFunction", "PaymentWebhookFunction" ->
            assertEquals(200, r.path("statusCode").asInt(), where);
        // the same create-campaign event twice: created, then the warm one a conflict with it
        case "CampaignsFunction" -> assertEquals(warm ? 409 : 201, r.path("statusCode").asInt(), where);
        case "OrderEventsFunction", "EmailSenderFunction", "SmsSenderFunction", "SesEventsFunction",
            "ReportsStreamFunction" -> {
          assertTrue(r.has("batchItemFailures"), where);
          assertTrue(r.path("batchItemFailures").isArray() && r.path("batchItemFailures").isEmpty(), where);
        }
        case "StockImportFunction" -> {
          // one report for the file: TEA-001 and TEA-002 applied, the row with "много" rejected
          assertTrue(r.isArray() && r.size() == 1, where);
          assertTrue(line.contains("TEA-003") || r.get(0).toString().contains("3"), where);
          assertTrue(r.get(0).toString().toLowerCase(java.util.Locale.ROOT).contains("appl"), where);
        }
        case "SupplierInboxFunction" -> assertTrue(r.isArray() && r.size() == 1, where);
        case "SchedulerFunction", "SupplierFeedsFunction" -> assertTrue(r.isObject(), where);
        default -> fail(function + " has no expected outcome in ShrunkJarsTest: add one (and its bench event)");
      }
      warm = true;
    }
  }
}
