package dev.storeops.platform.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.platform.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts plain Java data (records via Jackson) to DynamoDB attribute maps and back: objects become
 * M, lists L, numbers N, strings S, booleans BOOL; nulls are left out.
 */
public final class Attr {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Attr() {}

  public static Map<String, AttributeValue> item(Object value) {
    Map<String, Object> plain = Json.mapper().convertValue(value, MAP);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    plain.forEach((k, v) -> {
      if (v != null) {
        item.put(k, of(v));
      }
    });
    return item;
  }

  public static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
    Map<String, Object> plain = new LinkedHashMap<>();
    item.forEach((k, v) -> plain.put(k, java(v)));
    return Json.mapper().convertValue(plain, type);
  }

  @SuppressWarnings("unchecked")
  public static AttributeValue of(Object v) {
    if (v instanceof String s) {
      return AttributeValue.fromS(s);
    }
    if (v instanceof Number n) {
      return AttributeValue.fromN(n instanceof BigDecimal b ? b.toPlainString() : n.toString());
    }
    if (v instanceof Boolean b) {
      return AttributeValue.fromBool(b);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> {
        if (x != null) {
          out.put(k, of(x));
        }
      });
      return AttributeValue.fromM(out);
    }
    if (v instanceof List<?> l) {
      List<AttributeValue> out = new ArrayList<>();
      for (Object x : l) {
        out.add(x == null ? AttributeValue.fromNul(true) : of(x));
      }
      return AttributeValue.fromL(out);
    }
    return AttributeValue.fromS(String.valueOf(v));
  }

  public static Object java(AttributeValue v) {
    if (v.s() != null) {
      return v.s();
    }
    if (v.n() != null) {
      return v.n().contains(".") || v.n().contains("e") || v.n().contains("E") ? new BigDecimal(v.n()) : Long.valueOf(v.n());
    }
    if (v.bool() != null) {
      return v.bool();
    }
    if (v.hasM()) {
      Map<String, Object> out = new LinkedHashMap<>();
      v.m().forEach((k, x) -> out.put(k, java(x)));
      return out;
    }
    if (v.hasL()) {
      List<Object> out = new ArrayList<>();
      v.l().forEach(x -> out.add(java(x)));
      return out;
    }
    if (v.hasSs()) {
      return v.ss();
    }
    return null;
  }
}
