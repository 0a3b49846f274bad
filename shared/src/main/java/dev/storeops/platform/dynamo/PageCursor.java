package dev.storeops.platform.dynamo;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The API's one paging cursor (docs/api.md: {@code limit} + {@code cursor} → {@code nextCursor}): a
 * query's {@code LastEvaluatedKey} (string attributes) as opaque URL-safe base64, and back. A cursor
 * this API did not return is a 400 on {@code cursor}.
 */
public final class PageCursor {
  private PageCursor() {}

  /** The cursor of the page after this one, or null when the query has no more. */
  public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    Map<String, String> plain = new LinkedHashMap<>();
    lastEvaluatedKey.forEach((k, v) -> plain.put(k, v.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code ExclusiveStartKey} of a cursor, which must hold every one of {@code keys}. */
  public static Map<String, AttributeValue> decode(String cursor, List<String> keys) {
    try {
      Map<?, ?> plain = Json.mapper().readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
      Map<String, AttributeValue> key = new HashMap<>();
      plain.forEach((k, v) -> key.put(String.valueOf(k), AttributeValue.fromS(String.valueOf(v))));
      if (!key.keySet().containsAll(keys)) {
        throw new IllegalArgumentException("incomplete cursor");
      }
      return key;
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
  }
}
