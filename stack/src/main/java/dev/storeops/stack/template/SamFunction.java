package dev.storeops.stack.template;

import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} with the template's Globals merged in. Values may still hold
 * intrinsic functions; resolve them with {@link Intrinsics}.
 */
public record SamFunction(String logicalId, Map<String, Object> properties) {

  public String handler() {
    return (String) properties.get("Handler");
  }

  /** The handler's class name ({@code a.b.C::method} → {@code a.b.C}). */
  public String handlerClass() {
    String handler = handler();
    if (handler == null) {
      return null;
    }
    int sep = handler.indexOf("::");
    return sep < 0 ? handler : handler.substring(0, sep);
  }

  public Object runtime() {
    return properties.get("Runtime");
  }

  public Object codeUri() {
    return properties.get("CodeUri");
  }

  /** The module folder of the function: {@code functions/x/target/x.jar} → {@code functions/x}. */
  public String moduleDir() {
    Object uri = codeUri();
    if (!(uri instanceof String s)) {
      return null;
    }
    int target = s.indexOf("/target/");
    return target < 0 ? s : s.substring(0, target);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> environment() {
    Object env = properties.get("Environment");
    if (env instanceof Map<?, ?> m && m.get("Variables") instanceof Map<?, ?> vars) {
      return (Map<String, Object>) vars;
    }
    return Map.of();
  }

  /** Events by name; each has {@code Type} and {@code Properties}. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> events() {
    Object events = properties.get("Events");
    return events instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
  }

  public List<Map.Entry<String, Map<String, Object>>> eventsOfType(String type) {
    return events().entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).toList();
  }

  /** {@code EventInvokeConfig.DestinationConfig.OnFailure} (asynchronous invocations), or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asyncOnFailure() {
    return properties.get("EventInvokeConfig") instanceof Map<?, ?> c && c.get("DestinationConfig") instanceof Map<?, ?> d
        && d.get("OnFailure") instanceof Map<?, ?> f ? (Map<String, Object>) f : null;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> eventProperties(Map<String, Object> event) {
    Object p = event.get("Properties");
    return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
