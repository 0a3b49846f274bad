package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The third drift check: Redocly CLI lints openapi/openapi.yaml with its recommended rules, zero errors. */
class OpenApiLintTest {
  @TempDir
  Path dir;

  @Test
  void theDocumentHasNoLintErrors() {
    NodeTool.Run run = NodeTool.run("redocly", List.of("lint", OpenApiContract.DOCUMENT, "--format=stylish"));
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("valid"), run.output());
  }

  @Test
  void aBrokenDocumentFailsTheLint() throws IOException {
    String document = Files.readString(RepoRoot.find().resolve(OpenApiContract.DOCUMENT));
    // an operation whose response points at a schema that does not exist, and a duplicated operationId
    String broken = document
        .replace("schema: { $ref: '#/components/schemas/CustomerRegistration' }", "schema: { $ref: '#/components/schemas/NoSuchThing' }")
        .replace("operationId: getCart", "operationId: putCart");
    assertNotEquals(document, broken);
    Path file = dir.resolve("openapi.yaml");
    Files.writeString(file, broken);
    NodeTool.Run run = NodeTool.run("redocly", List.of("lint", file.toString(), "--format=stylish"));
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("no-unresolved-refs"), run.output());
    assertTrue(run.output().contains("operation-operationId-unique"), run.output());
  }
}
