package dev.storeops.stack.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions a function's settings use ({@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}) against a {@link Names}
 * view of the deployed (or emulated) stack.
 */
public final class Intrinsics {
  private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");

  /** What {@code Ref} and {@code Fn::GetAtt} of a logical ID or parameter give. */
  public interface Names {
    String ref(String logicalIdOrParameter);

    String getAtt(String logicalId, String attribute);
  }

  private Intrinsics() {}

  @SuppressWarnings("unchecked")
  public static Object resolve(Object value, Names names) {
    if (value instanceof Map<?, ?> map) {
      if (SamTemplate.isIntrinsic(map)) {
        var e = map.entrySet().iterator().next();
        return function((String) e.getKey(), e.getValue(), names);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolve(v, names)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v, names)));
      return out;
    }
    return value;
  }

  public static String resolveString(Object value, Names names) {
    Object v = resolve(value, names);
    return v == null ? null : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Object function(String name, Object arg, Names names) {
    switch (name) {
      case "Ref":
        return names.ref((String) arg);
      case "Fn::GetAtt": {
        List<Object> parts = (List<Object>) arg;
        return names.getAtt((String) parts.get(0), String.valueOf(resolve(parts.get(1), names)));
      }
      case "Fn::Sub": {
        String template;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
          template = (String) l.get(0);
          vars = (Map<String, Object>) l.get(1);
        } else {
          template = (String) arg;
        }
        Map<String, Object> local = vars;
        Matcher m = SUB_VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String var = m.group(1).trim();
          String replacement;
          if (local.containsKey(var)) {
            replacement = resolveString(local.get(var), names);
          } else if (var.contains(".")) {
            int dot = var.indexOf('.');
            replacement = names.getAtt(var.substring(0, dot), var.substring(dot + 1));
          } else {
            replacement = names.ref(var);
          }
          m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
      }
      case "Fn::Join": {
        List<Object> l = (List<Object>) arg;
        List<Object> items = (List<Object>) resolve(l.get(1), names);
        return String.join((String) l.get(0), items.stream().map(String::valueOf).toList());
      }
      case "Fn::Select": {
        List<Object> l = (List<Object>) arg;
        int index = Integer.parseInt(String.valueOf(resolve(l.get(0), names)));
        return ((List<Object>) resolve(l.get(1), names)).get(index);
      }
      case "Fn::Split": {
        List<Object> l = (List<Object>) arg;
        String s = resolveString(l.get(1), names);
        return List.of(s.split(Pattern.quote((String) l.get(0)), -1));
      }
      default:
        throw new IllegalArgumentException("intrinsic function " + name + " is not supported here");
    }
  }
}
