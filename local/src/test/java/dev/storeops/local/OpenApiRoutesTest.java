package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.http.OpenApiContract;
import dev.storeops.stack.http.RouteDrift;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The first drift check, whole: the routes of openapi/openapi.yaml, of template.yaml's HttpApi events and
 * of the routers of the handlers template.yaml names (each built as Lambda builds it) are one set, and
 * each function serves exactly its own events' routes.
 */
@WithAwsStack
class OpenApiRoutesTest {
  @Test
  void theDocumentTheTemplateAndTheRoutersServeTheSameRoutes(AwsStack stack) {
    SamTemplate template = SamTemplate.load(RepoRoot.find().resolve("template.yaml"));
    Map<String, Set<String>> byFunction = RouteDrift.templateRoutes(template);
    assertTrue(byFunction.size() >= 5, byFunction.keySet().toString());
    Set<String> templateKeys = new TreeSet<>();
    Set<String> routerKeys = new TreeSet<>();
    for (var function : byFunction.entrySet()) {
      HttpRoutes handler;
      try {
        handler = stack.handler(function.getKey(), HttpRoutes.class);
      } catch (ClassCastException e) {
        throw new AssertionError(function.getKey() + " serves HttpApi routes but its handler does not tell them"
            + " (platform/http/HttpRoutes)", e);
      }
      Set<String> served = new TreeSet<>(handler.routeKeys());
      assertEquals(function.getValue(), served, function.getKey() + ": its router vs its HttpApi events");
      templateKeys.addAll(function.getValue());
      routerKeys.addAll(served);
    }
    assertEquals(List.of(), RouteDrift.differences(OpenApiContract.ofRepo().routeKeys(), templateKeys, routerKeys));
  }
}
