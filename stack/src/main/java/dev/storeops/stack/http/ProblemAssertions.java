package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.util.Map;

/** What every HTTP function's tests assert of a problem+json answer (platform/http/Problems). */
public final class ProblemAssertions {
  private ProblemAssertions() {}

  /** The answer is {@code status} problem+json whose first field error names {@code field}. */
  public static void assertProblemNaming(int status, String field, int actualStatus, Map<String, String> headers,
      String body) throws IOException {
    assertEquals(status, actualStatus, body);
    assertTrue(headers.get("Content-Type").startsWith("application/problem+json"), headers.toString());
    JsonNode problem = Json.mapper().readTree(body);
    assertEquals(status, problem.path("status").asInt());
    assertEquals(field, problem.path("errors").get(0).path("field").asText(), body);
  }
}
