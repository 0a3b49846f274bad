package dev.storeops.platform.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The API's one cursor codec: a query's key or a list's position, opaque both ways; limit and cursor refused by name. */
class PageCursorTest {
  @Test
  void aQuerysKeyAndAListsPositionAreTheSameCodec() {
    Map<String, String> position = new LinkedHashMap<>();
    position.put("pk", "ORDER#1");
    position.put("sk", "META");
    String cursor = PageCursor.encodePosition(position);
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("ORDER#1"), "sk", AttributeValue.fromS("META"));
    // a query's key read back as a position, and a position read back as a query's start key
    assertEquals(position, PageCursor.decodePosition(PageCursor.encode(key), List.of("pk", "sk")));
    assertEquals(key, PageCursor.decode(cursor, List.of("pk", "sk")));
    assertEquals(position, PageCursor.decodePosition(cursor, List.of("pk", "sk")));
    assertEquals(AttributeValue.fromS("META"), PageCursor.decode(cursor, List.of("pk", "sk")).get("sk"));
    assertNull(PageCursor.encode(Map.of()));
    assertNull(PageCursor.encodePosition(Map.of()));
  }

  @Test
  void aCursorTheApiDidNotReturnIsInvalidOnCursor() {
    for (String bad : List.of("not-a-cursor", "e30", "!!", PageCursor.encodePosition(Map.of("pk", "x")))) {
      Invalid e = assertThrows(Invalid.class, () -> PageCursor.decodePosition(bad, List.of("pk", "sk")));
      assertEquals("cursor", e.errors().get(0).field(), bad);
    }
  }

  @Test
  void theLimitIsAWholeNumberInRangeOrTheDefault() {
    assertEquals(20, PageCursor.limit(null, 20, 100));
    assertEquals(20, PageCursor.limit(" ", 20, 100));
    assertEquals(7, PageCursor.limit(" 7 ", 20, 100));
    assertEquals(100, PageCursor.limit("100", 20, 100));
    for (String bad : List.of("0", "101", "-1", "ten", "1.5")) {
      Invalid e = assertThrows(Invalid.class, () -> PageCursor.limit(bad, 20, 100));
      assertEquals("limit", e.errors().get(0).field(), bad);
      assertEquals("must be a whole number from 1 to 100", e.errors().get(0).message());
    }
  }
}
