package dev.storeops.platform.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers between Java values and DynamoDB attribute values. */
public final class Items {
  private Items() {}

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  /** Puts a string attribute only when the value is present (DynamoDB keeps no empty strings in keys). */
  public static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
    if (value != null) {
      item.put(name, s(value.toString()));
    }
  }

  public static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  public static long num(Map<String, AttributeValue> item, String name, long defaultValue) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? defaultValue : Long.parseLong(v.n());
  }

  public static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  public static Instant instant(Map<String, AttributeValue> item, String name) {
    String v = str(item, name);
    return v == null ? null : Instant.parse(v);
  }

  public static LocalDate date(Map<String, AttributeValue> item, String name) {
    String v = str(item, name);
    return v == null ? null : LocalDate.parse(v);
  }
}
