package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  /** The reports-stream filter of template.yaml: order items and stock items only. */
  private static final EventFilter REPORTS = EventFilter.of(Map.of("Filters", List.of(Map.of("Pattern",
      "{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [\"ORDER\", {\"prefix\": \"STOCK#\"}]}}}}"))));

  private static JsonNode record(String sk) throws Exception {
    return Json.mapper().readTree("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"x\"},\"sk\":{\"S\":\""
        + sk + "\"}}}}");
  }

  @Test
  void exactValuesAndPrefixes() throws Exception {
    assertTrue(REPORTS.matches(record("ORDER")));
    assertTrue(REPORTS.matches(record("STOCK#msk-1")));
    assertFalse(REPORTS.matches(record("DAY#2031-03-10")));
    assertFalse(REPORTS.matches(record("ORDERNO")));
    assertFalse(REPORTS.matches(Json.mapper().readTree("{\"eventName\":\"REMOVE\"}")));
    assertTrue(EventFilter.NONE.matches(record("anything")));
  }

  @Test
  void existsAnythingButAndSeveralFiltersOred() throws Exception {
    EventFilter f = EventFilter.of(Map.of("Filters", List.of(
        Map.of("Pattern", "{\"eventName\": [{\"anything-but\": [\"REMOVE\"]}], \"dynamodb\": {\"NewImage\": {\"poison\": [{\"exists\": false}]}}}"),
        Map.of("Pattern", "{\"eventName\": [\"REMOVE\"], \"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [\"KEEP\"]}}}}"))));
    assertTrue(f.matches(Json.mapper().readTree("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{}}}")));
    assertFalse(f.matches(Json.mapper().readTree("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"poison\":{\"S\":\"y\"}}}}")));
    assertFalse(f.matches(Json.mapper().readTree("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"NewImage\":{}}}")));
    assertTrue(f.matches(Json.mapper().readTree("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":\"KEEP\"}}}}")));
  }

  @Test
  void unsupportedOperatorsAndBadPatternsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Map.of("Filters", List.of(
        Map.of("Pattern", "{\"n\": [{\"numeric\": [\">\", 0]}]}")))));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Map.of("Filters", List.of(Map.of("Pattern", "nope")))));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Map.of("Filters", List.of(Map.of("Pattern", "{\"a\": 1}")))));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Map.of("Other", 1)));
  }
}
