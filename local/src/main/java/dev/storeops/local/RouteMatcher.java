package dev.storeops.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the HttpApi route for a request the way API Gateway HTTP APIs do: the most specific route
 * wins (a literal segment beats a {@code {param}}, which beats a greedy {@code {proxy+}}), an exact
 * method beats {@code ANY}, and {@code $default} catches the rest.
 *
 * @param <T> what a route leads to (the function)
 */
public final class RouteMatcher<T> {
  /** A declared route: method ({@code ANY} allowed) and path template, or {@code $default}. */
  public record Route<T>(String method, String path, T target, boolean authorized) {
    public String routeKey() {
      return path.equals("$default") ? "$default" : method + " " + path;
    }
  }

  public record Match<T>(Route<T> route, Map<String, String> pathParameters) {}

  private final List<Route<T>> routes = new ArrayList<>();
  private final List<List<String>> segments = new ArrayList<>();

  public RouteMatcher<T> add(String method, String path, T target, boolean authorized) {
    String m = method.toUpperCase(Locale.ROOT);
    String p = path.equals("$default") ? path : normalise(path);
    for (Route<T> r : routes) {
      if (r.method().equals(m) && r.path().equals(p)) {
        throw new IllegalArgumentException("route " + m + " " + p + " is declared twice");
      }
    }
    routes.add(new Route<>(m, p, target, authorized));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> specificity(routes.get(i)), RouteMatcher::compare));
    List<Route<T>> sorted = order.stream().map(routes::get).toList();
    routes.clear();
    routes.addAll(sorted);
    segments.clear();
    routes.forEach(r -> segments.add(split(r.path())));
    return this;
  }

  public List<Route<T>> routes() {
    return List.copyOf(routes);
  }

  /** Whether any route (of any method) has this path: API Gateway answers OPTIONS preflights for them. */
  public boolean pathExists(String rawPath) {
    List<String> path = split(rawPath);
    for (int i = 0; i < routes.size(); i++) {
      if (!routes.get(i).path().equals("$default") && bind(segments.get(i), path) != null) {
        return true;
      }
    }
    return false;
  }

  public Optional<Match<T>> match(String method, String rawPath) {
    String m = method.toUpperCase(Locale.ROOT);
    List<String> path = split(rawPath);
    Match<T> any = null;
    for (int i = 0; i < routes.size(); i++) {
      Route<T> r = routes.get(i);
      if (r.path().equals("$default")) {
        continue;
      }
      if (!r.method().equals(m) && !r.method().equals("ANY")) {
        continue;
      }
      Map<String, String> params = bind(segments.get(i), path);
      if (params == null) {
        continue;
      }
      if (r.method().equals(m)) {
        return Optional.of(new Match<>(r, params));
      }
      if (any == null) {
        any = new Match<>(r, params);
      }
    }
    if (any != null) {
      return Optional.of(any);
    }
    return routes.stream().filter(r -> r.path().equals("$default")).findFirst()
        .map(r -> new Match<>(r, Map.of()));
  }

  private static Map<String, String> bind(List<String> template, List<String> path) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith("{") && t.endsWith("+}")) {
        if (i >= path.size()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 2), decode(String.join("/", path.subList(i, path.size()))));
        return params;
      }
      if (i >= path.size()) {
        return null;
      }
      String p = path.get(i);
      if (t.startsWith("{") && t.endsWith("}")) {
        if (p.isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), decode(p));
      } else if (!t.equals(p)) {
        return null;
      }
    }
    return template.size() == path.size() ? params : null;
  }

  /** Per segment: 0 literal, 1 parameter, 2 greedy; then ANY after exact methods. */
  private static List<Integer> specificity(Route<?> r) {
    List<Integer> key = new ArrayList<>();
    if (r.path().equals("$default")) {
      key.add(9);
      return key;
    }
    for (String s : split(r.path())) {
      key.add(s.endsWith("+}") ? 2 : s.startsWith("{") ? 1 : 0);
    }
    key.add(r.method().equals("ANY") ? 4 : 3);
    return key;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(b.size(), a.size());
  }

  static String normalise(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static List<String> split(String path) {
    String p = normalise(path);
    if (p.equals("/")) {
      return List.of();
    }
    return List.of(p.substring(1).split("/", -1));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
