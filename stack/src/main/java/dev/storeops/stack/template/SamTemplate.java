package dev.storeops.stack.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed template.yaml: parameters, globals and resources, with functions' Globals merged. */
public final class SamTemplate {
  public static final String FUNCTION = "AWS::Serverless::Function";
  private final Map<String, Object> doc;

  private SamTemplate(Map<String, Object> doc) {
    this.doc = doc;
  }

  public static SamTemplate load(Path file) {
    return new SamTemplate(CfnYaml.load(file));
  }

  public static SamTemplate parse(String yaml) {
    return new SamTemplate(CfnYaml.parse(yaml));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources() {
    Object r = doc.get("Resources");
    return r instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> parameters() {
    Object p = doc.get("Parameters");
    return p instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
  }

  /** The template's {@code Rules} (parameter assertions), by rule name. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> rules() {
    Object r = doc.get("Rules");
    return r instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
  }

  public String typeOf(String logicalId) {
    Map<String, Object> r = resources().get(logicalId);
    return r == null ? null : (String) r.get("Type");
  }

  /** Logical IDs of the resources of a type, in template order. */
  public List<String> resourcesOfType(String type) {
    return resources().entrySet().stream().filter(e -> type.equals(e.getValue().get("Type")))
        .map(Map.Entry::getKey).toList();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> properties(String logicalId) {
    Map<String, Object> r = resources().get(logicalId);
    Object p = r == null ? null : r.get("Properties");
    return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> globals(String section) {
    Object g = doc.get("Globals");
    if (g instanceof Map<?, ?> globals && globals.get(section) instanceof Map<?, ?> s) {
      return (Map<String, Object>) s;
    }
    return Map.of();
  }

  /** Every function, with Globals.Function merged under its own properties (maps merge, the rest override). */
  public List<SamFunction> functions() {
    List<SamFunction> out = new ArrayList<>();
    for (String id : resourcesOfType(FUNCTION)) {
      out.add(new SamFunction(id, merge(globals("Function"), properties(id))));
    }
    return out;
  }

  public SamFunction function(String logicalId) {
    return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    over.forEach((k, v) -> {
      Object b = out.get(k);
      if (b instanceof Map<?, ?> bm && v instanceof Map<?, ?> vm && !isIntrinsic(vm)) {
        out.put(k, merge((Map<String, Object>) bm, (Map<String, Object>) vm));
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  static boolean isIntrinsic(Map<?, ?> m) {
    return m.size() == 1 && m.keySet().iterator().next() instanceof String k
        && (k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition"));
  }
}
