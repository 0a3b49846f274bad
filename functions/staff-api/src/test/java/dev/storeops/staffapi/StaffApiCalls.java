package dev.storeops.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.http.ApiCalls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The staff API's tests call it through this: the handler (as the template configures it, or with the
 * test's clock), the request events built from the fixtures in {@code events/staff-api/} (path, body,
 * query, headers, the signed-in staff member) and the answers read as JSON. One way to set up and call
 * the staff API in its tests (what any HTTP function's tests do to events and answers: {@link ApiCalls}).
 */
final class StaffApiCalls {
  private final StaffApiHandler handler;

  StaffApiCalls(StaffApiHandler handler) {
    this.handler = handler;
  }

  /** The handler with the function's environment and the real clock. */
  static StaffApiCalls on(AwsStack stack) {
    return new StaffApiCalls(stack.handler("StaffApiFunction", StaffApiHandler.class));
  }

  /** The handler with the function's environment and the test's clock. */
  static StaffApiCalls on(AwsStack stack, Clock clock) {
    return new StaffApiCalls(new StaffApiHandler(stack.functionEnv("StaffApiFunction"), clock));
  }

  /** Hands the event to the handler as API Gateway would. */
  APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  /** The fixture with this path and body, as the fixture's staff member. */
  APIGatewayV2HTTPResponse call(String fixture, Map<String, String> path, String body) {
    return call(event(fixture, path, body));
  }

  /** The event as the staff member {@code sub} in {@code groups} (e.g. {@code "[manager]"}). */
  APIGatewayV2HTTPResponse as(String sub, String groups, APIGatewayV2HTTPEvent event) {
    return call(signedIn(event, sub, groups));
  }

  /** The fixture with this path, query string and body (null: the fixture's path and body), as {@code sub} in {@code groups}. */
  APIGatewayV2HTTPResponse as(String sub, String groups, String fixture, Map<String, String> path,
      Map<String, String> query, String body) {
    return as(sub, groups, query(event(fixture, path, body), query));
  }

  /**
   * Follows {@code nextCursor} through a list (docs/api.md#lists) from its first page to its last, as {@code
   * sub} in {@code groups}: each page must be a 200; the query builder takes the cursor (null for the first).
   */
  List<JsonNode> pages(String sub, String groups, String fixture, Map<String, String> path,
      Function<String, Map<String, String>> query) {
    return ApiCalls.pages(cursor -> as(sub, groups, fixture, path, query.apply(cursor), null));
  }

  /** Query string parameters from name, value pairs; a pair with a null value is left out. */
  static Map<String, String> query(String... pairs) {
    return ApiCalls.query(pairs);
  }

  /** {@code n} random lower-case letters (names and ids unique to a test run). */
  static String letters(int n) {
    StringBuilder b = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  /** Adds a warehouse (or point of sale) and checks it was stored. */
  void warehouse(String id, String body) {
    APIGatewayV2HTTPResponse r = call("put-warehouse.json", Map.of("id", id), body);
    assertEquals(200, r.getStatusCode(), r.getBody());
  }

  /** The fixture {@code events/staff-api/<fixture>}; a null path or body keeps the fixture's. */
  static APIGatewayV2HTTPEvent event(String fixture, Map<String, String> path, String body) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/staff-api/" + fixture);
    if (path != null) {
      event.setPathParameters(path);
    }
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  /** Signs the event in as {@code sub} (null: the fixture's) in {@code groups} (null: the fixture's). */
  static APIGatewayV2HTTPEvent signedIn(APIGatewayV2HTTPEvent event, String sub, String groups) {
    return ApiCalls.signedIn(event, sub, groups);
  }

  /** Sets the query string parameters. */
  static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, Map<String, String> query) {
    event.setQueryStringParameters(query);
    return event;
  }

  /** Sets a header (lower case, as API Gateway hands it on); null removes it. */
  static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove(name);
    if (value != null) {
      headers.put(name, value);
    }
    event.setHeaders(headers);
    return event;
  }

  /**
   * A new order by phone ({@code create-order.json}) for the customer: one line, the body's other fields
   * as given (paymentMethod, channel), a fresh Idempotency-Key.
   */
  static APIGatewayV2HTTPEvent newOrder(String customerId, String sku, int qty, Map<String, String> fields) {
    APIGatewayV2HTTPEvent event = event("create-order.json", null, null);
    ObjectNode body = (ObjectNode) json(event.getBody());
    body.put("customerId", customerId);
    fields.forEach(body::put);
    body.putArray("lines").addObject().put("sku", sku).put("qty", qty);
    event.setBody(body.toString());
    return header(event, "idempotency-key", UUID.randomUUID().toString());
  }

  /** Checks the answer's status and reads its body. */
  static JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
    assertEquals(status, response.getStatusCode(), response.getBody());
    return json(response);
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    return json(response.getBody());
  }

  static JsonNode json(String body) {
    return ApiCalls.json(body);
  }

  /**
   * The contacts of one kind in a page of a customer's history (the dossier's {@code history}, the history
   * route's {@code entries}), in the page's order: {@code call} → the call, {@code mail}/{@code sms} → the
   * message, {@code consent} → the step, {@code note} → the note.
   */
  static List<JsonNode> history(JsonNode entries, String kind) {
    String field = switch (kind) {
      case "mail", "sms" -> "message";
      default -> kind;
    };
    List<JsonNode> out = new ArrayList<>();
    entries.forEach(e -> {
      if (kind.equals(e.path("kind").asText())) {
        out.add(e.path(field));
      }
    });
    return out;
  }

  /** The fields a 4xx problem names. */
  static Set<String> fields(APIGatewayV2HTTPResponse response) {
    Set<String> fields = new HashSet<>();
    json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
