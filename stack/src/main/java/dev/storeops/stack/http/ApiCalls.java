package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the tests of every HTTP function do to a request event loaded from its fixture ({@code
 * events/<function>/…}) before handing it to the handler as API Gateway would — the path, the query string,
 * the body, the signed-in staff member — and to its answers: read them as JSON, follow a list's {@code
 * nextCursor} to its last page (docs/api.md#lists). One way for staff-api's and staff-files' tests.
 */
public final class ApiCalls {
  private ApiCalls() {}

  /** Sets the path parameters and the body (null keeps the fixture's) and the query string (null: none). */
  public static APIGatewayV2HTTPEvent request(APIGatewayV2HTTPEvent event, Map<String, String> path,
      Map<String, String> query, String body) {
    if (path != null) {
      event.setPathParameters(path);
    }
    event.setQueryStringParameters(query);
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  /** Signs the event in as {@code sub} (null: the fixture's) in {@code groups} (null: the fixture's). */
  public static APIGatewayV2HTTPEvent signedIn(APIGatewayV2HTTPEvent event, String sub, String groups) {
    Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    if (sub != null) {
      claims.put("sub", sub);
    }
    if (groups != null) {
      claims.put("cognito:groups", groups);
    }
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return event;
  }

  /** Query string parameters from name, value pairs; a pair with a null value is left out. */
  public static Map<String, String> query(String... pairs) {
    Map<String, String> q = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        q.put(pairs[i], pairs[i + 1]);
      }
    }
    return q;
  }

  /**
   * Follows {@code nextCursor} through a list from its first page to its last: {@code page} answers the page
   * of a cursor (null for the first), each must be a 200.
   */
  public static List<JsonNode> pages(Function<String, APIGatewayV2HTTPResponse> page) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      APIGatewayV2HTTPResponse r = page.apply(cursor);
      assertEquals(200, r.getStatusCode(), r.getBody());
      JsonNode body = json(r.getBody());
      pages.add(body);
      cursor = body.hasNonNull("nextCursor") ? body.path("nextCursor").asText() : null;
      assertTrue(pages.size() < 100, "the cursor does not move on");
    } while (cursor != null);
    return pages;
  }

  /** The answer's body as JSON. */
  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    return json(response.getBody());
  }

  public static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }
}
