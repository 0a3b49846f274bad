package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The route comparison of the first drift check (the routers' side runs in local/OpenApiRoutesTest, which
 * builds every handler): the document and template.yaml list the same routes, and a route taken out of
 * one side is named.
 */
class RouteDriftTest {
  private final SamTemplate template = SamTemplate.load(RepoRoot.find().resolve("template.yaml"));

  private Set<String> templateKeys() {
    Set<String> keys = new TreeSet<>();
    RouteDrift.templateRoutes(template).values().forEach(keys::addAll);
    return keys;
  }

  @Test
  void theDocumentAndTheTemplateListTheSameRoutes() {
    Set<String> template = templateKeys();
    assertEquals(List.of(), RouteDrift.differences(OpenApiContract.ofRepo().routeKeys(), template, template));
  }

  @Test
  void aRouteChangedInTheDocumentOrMissingInARouterIsNamed() throws IOException {
    Set<String> template = templateKeys();
    String text = Files.readString(RepoRoot.find().resolve(OpenApiContract.DOCUMENT));
    String changed = text.replace("\n  /stock/{sku}:\n", "\n  /stock/{sku}/history:\n");
    assertNotEquals(text, changed);
    Set<String> document = OpenApiContract.parse(changed).routeKeys();
    Set<String> routers = new TreeSet<>(template);
    routers.remove("DELETE /carts/{id}");
    assertEquals(List.of(
        "GET /stock/{sku}: in template.yaml but not in openapi/openapi.yaml",
        "GET /stock/{sku}/history: in openapi/openapi.yaml but not in template.yaml",
        "DELETE /carts/{id}: in template.yaml but no router serves it"),
        RouteDrift.differences(document, template, routers));
  }
}
