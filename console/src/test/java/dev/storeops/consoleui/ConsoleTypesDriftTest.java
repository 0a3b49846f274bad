package dev.storeops.consoleui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console reads the API through the types generated from {@code openapi/openapi.yaml}
 * ({@code clients/typescript}, {@code console/src/types.ts}), so the document and the console cannot
 * drift apart: this feeds a deliberately changed document — {@code CustomerOrder.totalMinor} renamed —
 * through the same generator ({@code tools/openapi-types}) into a copy of the console laid out as in the
 * checkout, and runs the console's own {@code tsc --noEmit} on it. The type check must fail, and every
 * error it reports must name the renamed field (the unchanged document type-checks in the console's
 * build, which runs just before this test).
 */
class ConsoleTypesDriftTest {
  private static final String RENAMED = "totalMinor";

  @Test
  void aFieldRenamedInTheDocumentFailsTheConsolesTypeCheck(@TempDir Path tmp) throws Exception {
    Path root = repoRoot();
    Path console = root.resolve("console");
    Path tsc = console.resolve("node_modules/.bin/tsc");
    assertTrue(Files.isExecutable(tsc), "the console's build installs typescript (npm ci) before its tests: " + tsc);

    // the document, with CustomerOrder.totalMinor renamed (as a code change on one side would do)
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode document = yaml.readTree(root.resolve("openapi/openapi.yaml").toFile());
    ObjectNode order = (ObjectNode) document.at("/components/schemas/CustomerOrderFields");
    ObjectNode properties = (ObjectNode) order.get("properties");
    assertTrue(properties.has(RENAMED), "the console reads CustomerOrder(Fields)." + RENAMED);
    ObjectNode renamedProperties = properties.objectNode();
    properties.fields().forEachRemaining(e ->
        renamedProperties.set(e.getKey().equals(RENAMED) ? "grandTotalMinor" : e.getKey(), e.getValue()));
    order.set("properties", renamedProperties);
    JsonNode wasRequired = order.get("required");
    ArrayNode required = order.putArray("required");
    wasRequired.forEach(r -> required.add(r.asText().equals(RENAMED) ? "grandTotalMinor" : r.asText()));
    Path changed = tmp.resolve("openapi.json");
    new ObjectMapper().writeValue(changed.toFile(), document);

    // a copy of the console beside its own clients/typescript, as in the checkout
    Path copy = tmp.resolve("console");
    copyTree(console.resolve("src"), copy.resolve("src"));
    Files.copy(console.resolve("tsconfig.json"), copy.resolve("tsconfig.json"));
    Files.createSymbolicLink(copy.resolve("node_modules"), console.resolve("node_modules"));
    Path types = tmp.resolve("clients/typescript/index.d.ts");
    Run generated = run(root, List.of("bash", root.resolve("tools/openapi-types").toString(), changed.toString(), types.toString()));
    assertEquals(0, generated.exit, "openapi-typescript on the changed document: " + generated.output);
    String text = Files.readString(types, StandardCharsets.UTF_8);
    assertTrue(text.contains("grandTotalMinor"), "the generated types carry the renamed field");

    Run checked = run(copy, List.of(tsc.toString(), "--noEmit", "-p", copy.toString()));
    assertNotEquals(0, checked.exit, "tsc must fail on a console reading a field the document no longer has:\n" + checked.output);
    List<String> errors = checked.output.lines().filter(l -> l.contains("error TS")).toList();
    assertFalse(errors.isEmpty(), checked.output);
    for (String error : errors) {
      assertTrue(error.contains("'" + RENAMED + "'"), "every error names the renamed field: " + error);
    }
    // where the console reads it: the order page, the order list, the new-order confirmation
    assertTrue(errors.stream().anyMatch(e -> e.contains("OrderPage.tsx")), String.join("\n", errors));
    assertTrue(errors.stream().anyMatch(e -> e.contains("NewOrder.tsx")), String.join("\n", errors));
  }

  private record Run(int exit, String output) {}

  private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(from)) {
      all = new ArrayList<>(walk.sorted(Comparator.naturalOrder()).toList());
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target);
      }
    }
  }

  /** The checkout's root: the build passes it ({@code storeops.repo.root}); else the module's parent. */
  private static Path repoRoot() {
    String given = System.getProperty("storeops.repo.root");
    Path root = given != null && !given.isBlank() ? Path.of(given) : Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isRegularFile(root.resolve("openapi/openapi.yaml")), "not the checkout's root: " + root);
    return root.toAbsolutePath();
  }
}
