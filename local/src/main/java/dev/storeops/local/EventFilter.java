package dev.storeops.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event source's {@code FilterCriteria}: a record is delivered when any filter pattern matches it
 * (AWS event-pattern syntax). Supported: nested objects, value lists (exact strings, numbers,
 * booleans, null) and the operators {@code prefix}, {@code exists} and {@code anything-but} (list of
 * exact values); any other operator is refused at start-up.
 */
public final class EventFilter {
  private static final Set<String> OPERATORS = Set.of("prefix", "exists", "anything-but");
  private final List<JsonNode> patterns;

  private EventFilter(List<JsonNode> patterns) {
    this.patterns = patterns;
  }

  public static final EventFilter NONE = new EventFilter(List.of());

  /** From the event's {@code FilterCriteria} property; {@link IllegalArgumentException} naming what is wrong. */
  public static EventFilter of(Object filterCriteria) {
    if (filterCriteria == null) {
      return NONE;
    }
    if (!(filterCriteria instanceof Map<?, ?> m) || !(m.get("Filters") instanceof List<?> filters)) {
      throw new IllegalArgumentException("FilterCriteria must have a Filters list");
    }
    List<JsonNode> patterns = new ArrayList<>();
    for (Object f : filters) {
      Object pattern = f instanceof Map<?, ?> fm ? fm.get("Pattern") : null;
      if (!(pattern instanceof String text)) {
        throw new IllegalArgumentException("each filter needs a Pattern string");
      }
      JsonNode node;
      try {
        node = Json.mapper().readTree(text);
      } catch (IOException e) {
        throw new IllegalArgumentException("filter pattern is not JSON: " + text);
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("filter pattern must be a JSON object: " + text);
      }
      check(node);
      patterns.add(node);
    }
    return new EventFilter(List.copyOf(patterns));
  }

  private static void check(JsonNode pattern) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (v.isObject()) {
        check(v);
      } else if (v.isArray()) {
        for (JsonNode option : v) {
          if (option.isObject()) {
            String op = option.fieldNames().hasNext() ? option.fieldNames().next() : "";
            if (!OPERATORS.contains(op) || option.size() != 1) {
              throw new IllegalArgumentException("filter operator " + option + " is not supported by local mode "
                  + "(supported: exact values, " + OPERATORS + ")");
            }
          }
        }
      } else {
        throw new IllegalArgumentException("filter pattern values must be objects or lists, not " + v);
      }
    }
  }

  /** Whether {@code record} passes (no filters: everything passes). */
  public boolean matches(JsonNode record) {
    if (patterns.isEmpty()) {
      return true;
    }
    return patterns.stream().anyMatch(p -> matchObject(p, record));
  }

  private static boolean matchObject(JsonNode pattern, JsonNode value) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode field = value == null ? null : value.get(e.getKey());
      if (e.getValue().isObject()) {
        if (field == null || !field.isObject() || !matchObject(e.getValue(), field)) {
          return false;
        }
      } else if (!matchOptions(e.getValue(), field)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchOptions(JsonNode options, JsonNode field) {
    for (JsonNode option : options) {
      if (option.isObject()) {
        if (option.has("exists")) {
          if (option.get("exists").asBoolean() == (field != null && !field.isNull())) {
            return true;
          }
        } else if (option.has("prefix")) {
          if (field != null && field.isTextual() && field.asText().startsWith(option.get("prefix").asText())) {
            return true;
          }
        } else if (option.has("anything-but")) {
          JsonNode but = option.get("anything-but");
          boolean excluded = false;
          for (JsonNode b : but.isArray() ? but : Json.mapper().createArrayNode().add(but)) {
            excluded |= field != null && same(b, field);
          }
          if (field != null && !excluded) {
            return true;
          }
        }
      } else if (field != null && same(option, field)) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isNumber() && b.isTextual() || a.isTextual() && b.isNumber()) {
      return false;
    }
    return a.equals(b);
  }
}
