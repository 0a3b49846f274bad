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
 * query's {@code LastEvaluatedKey} (string attributes) as opaque URL-safe base64, and back. A list that is
 * not one DynamoDB query (S3 listings, a roster sorted in memory) pages with the same codec over its own
 * position ({@link #encodePosition}: the sort key of the page's last item). A cursor this API did not
 * return is a 400 on {@code cursor}; a bad {@code limit} a 400 on {@code limit} ({@link #limit}).
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
    return encodePosition(plain);
  }

  /** The {@code ExclusiveStartKey} of a cursor, which must hold every one of {@code keys}. */
  public static Map<String, AttributeValue> decode(String cursor, List<String> keys) {
    Map<String, AttributeValue> key = new HashMap<>();
    decodePosition(cursor, keys).forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
    return key;
  }

  /** The cursor of a position in a list that is not one query (the sort key of the page's last item); null for none. */
  public static String encodePosition(Map<String, String> position) {
    if (position == null || position.isEmpty()) {
      return null;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position of a cursor, which must hold every one of {@code keys}. */
  public static Map<String, String> decodePosition(String cursor, List<String> keys) {
    try {
      Map<?, ?> plain = Json.mapper().readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
      Map<String, String> position = new LinkedHashMap<>();
      plain.forEach((k, v) -> position.put(String.valueOf(k), String.valueOf(v)));
      if (!position.keySet().containsAll(keys)) {
        throw new IllegalArgumentException("incomplete cursor");
      }
      return position;
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
  }

  /** A page's size from the {@code limit} query parameter: {@code defaultLimit} when absent, else 1..{@code max}. */
  public static int limit(String raw, int defaultLimit, int max) {
    if (raw == null || raw.isBlank()) {
      return defaultLimit;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Invalid.field("limit", "must be a whole number from 1 to " + max);
  }
}
