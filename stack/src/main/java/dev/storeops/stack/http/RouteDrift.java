package dev.storeops.stack.http;

import dev.storeops.stack.template.SamFunction;
import dev.storeops.stack.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first drift check: the (method, path) pairs of {@code openapi/openapi.yaml}, of template.yaml's
 * {@code HttpApi} events and of the handlers' routers are one set. Says which route is missing where.
 */
public final class RouteDrift {
  private RouteDrift() {}

  /** template.yaml's {@code HttpApi} routes by function logical id, as route keys ({@code METHOD /path}). */
  public static Map<String, Set<String>> templateRoutes(SamTemplate template) {
    Map<String, Set<String>> byFunction = new TreeMap<>();
    for (SamFunction f : template.functions()) {
      for (var event : f.eventsOfType("HttpApi")) {
        Map<String, Object> p = SamFunction.eventProperties(event.getValue());
        byFunction.computeIfAbsent(f.logicalId(), k -> new TreeSet<>())
            .add(String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT) + " " + p.get("Path"));
      }
    }
    return byFunction;
  }

  /** What differs between the three sets (empty: no drift). */
  public static List<String> differences(Set<String> document, Set<String> template, Set<String> routers) {
    // a greedy path parameter ({proxy+} in API Gateway) is a plain one in OpenAPI
    document = greedyAsPlain(document);
    template = greedyAsPlain(template);
    routers = greedyAsPlain(routers);
    List<String> wrong = new ArrayList<>();
    missing(template, document, "in template.yaml but not in " + OpenApiContract.DOCUMENT, wrong);
    missing(document, template, "in " + OpenApiContract.DOCUMENT + " but not in template.yaml", wrong);
    missing(template, routers, "in template.yaml but no router serves it", wrong);
    missing(routers, template, "served by a router but not in template.yaml", wrong);
    return wrong;
  }

  private static Set<String> greedyAsPlain(Set<String> keys) {
    Set<String> plain = new TreeSet<>();
    keys.forEach(k -> plain.add(k.replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1}")));
    return plain;
  }

  private static void missing(Set<String> from, Set<String> in, String what, List<String> wrong) {
    for (String key : new TreeSet<>(from)) {
      if (!in.contains(key)) {
        wrong.add(key + ": " + what);
      }
    }
  }
}
