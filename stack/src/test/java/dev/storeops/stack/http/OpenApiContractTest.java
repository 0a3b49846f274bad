package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second drift check's validator: an answer that keeps openapi/openapi.yaml passes; a field renamed
 * on either side (in the answer, or in a deliberately changed document) fails — a required one by its
 * absence, any one (optional too) because the answer's objects are closed and the new name is unknown —
 * as do a field added on one side only, an undocumented status, a missing required header, a wrong
 * content type and an unknown route. {@link #everyObjectAnAnswerCanHoldIsClosed} keeps the document closed.
 */
class OpenApiContractTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");
  private static final String STOCK = "{\"sku\":\"TEA-001\",\"available\":10,"
      + "\"warehouses\":[{\"warehouse\":\"msk-1\",\"available\":7},{\"warehouse\":\"spb-1\",\"available\":3}]}";
  private static final String PROBLEM = "{\"type\":\"https://storeops.dev/problems/not-found\",\"title\":\"Not found\","
      + "\"status\":404,\"detail\":\"SKU X was not found.\"}";

  private final OpenApiContract contract = OpenApiContract.ofRepo();

  @Test
  void anAnswerThatKeepsTheDocumentPasses() {
    assertEquals(List.of(), contract.violations("GET /stock/{sku}", 200, JSON, STOCK));
    assertEquals(List.of(), contract.violations("GET /stock/{sku}", 404,
        Map.of("Content-Type", "application/problem+json; charset=utf-8"), PROBLEM));
    assertEquals(List.of(), contract.violations("DELETE /carts/{id}", 204, Map.of(), null));
  }

  @Test
  void aFieldRenamedInTheCodeFails() {
    String renamed = STOCK.replace("\"available\":10", "\"availableUnits\":10");
    List<String> wrong = contract.violations("GET /stock/{sku}", 200, JSON, renamed);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("available")), wrong.toString());
  }

  @Test
  void aFieldRenamedInTheDocumentFails() throws IOException {
    String document = Files.readString(RepoRoot.find().resolve(OpenApiContract.DOCUMENT));
    String changed = document.replace("required: [sku, available, warehouses]", "required: [sku, availableUnits, warehouses]");
    assertTrue(!changed.equals(document), "the document still describes GET /stock/{sku} this way");
    List<String> wrong = OpenApiContract.parse(changed).violations("GET /stock/{sku}", 200, JSON, STOCK);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("availableUnits")), wrong.toString());
  }

  @Test
  void aWrongTypeFails() {
    List<String> wrong = contract.violations("GET /stock/{sku}", 200, JSON, STOCK.replace("\"available\":10", "\"available\":\"10\""));
    assertEquals(1, wrong.size(), wrong.toString());
  }

  @Test
  void anUndocumentedSuccessStatusAnEmptyBodyOrAWrongContentTypeFails() {
    // a 201 where the document says 200 falls to the error response: the body is no problem
    assertTrue(!contract.violations("GET /stock/{sku}", 201, JSON, STOCK).isEmpty());
    assertTrue(!contract.violations("GET /stock/{sku}", 200, JSON, null).isEmpty());
    assertTrue(!contract.violations("GET /stock/{sku}", 200, Map.of("Content-Type", "text/html"), STOCK).isEmpty());
    assertTrue(!contract.violations("DELETE /carts/{id}", 200, JSON, "{}").isEmpty());
  }

  @Test
  void aMissingRequiredHeaderFails() {
    String cart = "{\"id\":\"c1\",\"lines\":[],\"status\":\"OPEN\",\"customerAttached\":false,"
        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"cartToken\":\"t\"}";
    assertEquals(List.of(), contract.violations("PUT /carts/{id}", 201, JSON, cart));
    String customer = "{\"id\":\"cus_1\",\"email\":\"a@example.com\",\"name\":\"A\",\"marketingConsent\":false,"
        + "\"locale\":\"ru\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"consentHistory\":[],\"accessToken\":\"t\"}";
    assertEquals(List.of(), contract.violations("POST /customers", 201,
        Map.of("Content-Type", "application/json", "Location", "/customers/cus_1"), customer));
    List<String> wrong = contract.violations("POST /customers", 201, JSON, customer);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("Location")), wrong.toString());
  }

  @Test
  void aRouteTheDocumentDoesNotHaveFails() {
    List<String> wrong = contract.violations("GET /stock/{sku}/history", 200, JSON, STOCK);
    assertTrue(wrong.get(0).contains("is not in"), wrong.toString());
  }

  @Test
  void aFieldAddedInTheCodeOnlyFailsAtAnyDepth() {
    String added = STOCK.replace("\"available\":10,", "\"available\":10,\"reservedUnits\":2,");
    List<String> wrong = contract.violations("GET /stock/{sku}", 200, JSON, added);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("reservedUnits")), wrong.toString());
    String nested = STOCK.replace("\"available\":7}", "\"available\":7,\"shelf\":\"A-3\"}");
    wrong = contract.violations("GET /stock/{sku}", 200, JSON, nested);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("shelf")), wrong.toString());
  }

  @Test
  void anOptionalFieldRenamedInTheCodeFailsThroughAllOf() {
    // POST /customers answers allOf [CustomerFields, {accessToken}], closed with unevaluatedProperties
    String customer = "{\"id\":\"cus_1\",\"email\":\"a@example.com\",\"name\":\"A\",\"phone\":\"+79123456789\","
        + "\"marketingConsent\":false,\"locale\":\"ru\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"consentHistory\":[],"
        + "\"accessToken\":\"t\"}";
    Map<String, String> headers = Map.of("Content-Type", "application/json", "Location", "/customers/cus_1");
    assertEquals(List.of(), contract.violations("POST /customers", 201, headers, customer));
    List<String> wrong = contract.violations("POST /customers", 201, headers, customer.replace("\"phone\"", "\"mobile\""));
    assertTrue(wrong.stream().anyMatch(w -> w.contains("mobile")), wrong.toString());
  }

  @Test
  void anOptionalFieldRenamedInTheDocumentFails() throws IOException {
    String document = Files.readString(RepoRoot.find().resolve(OpenApiContract.DOCUMENT));
    // CustomerFields.phone, optional: before closed schemas a rename of it passed unnoticed
    String was = "        phone: { type: string }\n        birthday: { type: string, format: date }\n        marketingConsent: { type: boolean }\n";
    assertTrue(document.contains(was), "the document still describes a customer's phone this way");
    OpenApiContract changed = OpenApiContract.parse(document.replace(was, was.replace("phone:", "mobile:")));
    String customer = "{\"id\":\"cus_1\",\"email\":\"a@example.com\",\"name\":\"A\",\"phone\":\"+79123456789\","
        + "\"marketingConsent\":false,\"locale\":\"ru\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"consentHistory\":[]}";
    Map<String, String> headers = Map.of("Content-Type", "application/json");
    assertEquals(List.of(), contract.violations("GET /customers/{id}", 200, headers, customer));
    List<String> wrong = changed.violations("GET /customers/{id}", 200, headers, customer);
    assertTrue(wrong.stream().anyMatch(w -> w.contains("phone")), wrong.toString());
  }

  /**
   * Every object an answer can hold lists its fields and forbids others: {@code additionalProperties:
   * false}, or {@code unevaluatedProperties: false} on a schema built with {@code allOf} (whose members,
   * like the {@code …Fields} schemas, stay open so they can be extended). An object left open on purpose
   * says so with {@code additionalProperties: true} or a schema for its values (a map).
   */
  @Test
  void everyObjectAnAnswerCanHoldIsClosed() {
    assertEquals(List.of(), openObjects(contract.document()), "objects an answer can hold that do not forbid unlisted fields");
  }

  @Test
  void anObjectLeftOpenIsNamed() throws IOException {
    String document = Files.readString(RepoRoot.find().resolve(OpenApiContract.DOCUMENT));
    String stock = "                required: [sku, available, warehouses]\n";
    String closed = "                additionalProperties: false\n" + stock;
    assertTrue(document.contains(closed), "the document still closes GET /stock/{sku} this way");
    List<String> open = openObjects(OpenApiContract.parse(document.replace(closed, stock)).document());
    assertEquals(List.of("GET /stock/{sku} 200"), open);
    String order = "    CustomerOrder:\n      description: An order as its customer sees it.\n      allOf:\n"
        + "        - $ref: '#/components/schemas/CustomerOrderFields'\n      unevaluatedProperties: false\n";
    assertTrue(document.contains(order), "the document still closes CustomerOrder this way");
    open = openObjects(OpenApiContract.parse(document.replace(order, order.replace("      unevaluatedProperties: false\n", ""))).document());
    assertTrue(open.stream().anyMatch(o -> o.contains("CustomerOrder ") && o.contains("allOf")), open.toString());
  }

  private static List<String> openObjects(JsonNode document) {
    List<String> open = new ArrayList<>();
    Set<JsonNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
          Map.Entry<String, JsonNode> r = rs.next();
          JsonNode response = r.getValue();
          while (response.has("$ref")) {
            response = document.at(response.get("$ref").asText().substring(1));
          }
          String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + r.getKey();
          response.path("content").forEach(c -> closed(document, c.path("schema"), where, false, seen, open));
        }
      }
    }
    return open;
  }

  private static void closed(JsonNode document, JsonNode schema, String where, boolean member, Set<JsonNode> seen,
      List<String> open) {
    if (!schema.isObject() || !seen.add(schema)) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      // an allOf member is open by design (it is closed where it is composed), and so is what it refers to
      JsonNode target = document.at(ref.substring(1));
      closed(document, target, ref, member, member ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : seen, open);
      return;
    }
    boolean object = schema.has("properties") || "object".equals(schema.path("type").asText())
        || (schema.path("type").isArray() && schema.path("type").toString().contains("\"object\""));
    if (!member && object && !schema.has("allOf") && !schema.has("additionalProperties")
        && !schema.has("unevaluatedProperties")) {
      open.add(where);
    }
    if (!member && schema.has("allOf") && !schema.path("unevaluatedProperties").isBoolean()) {
      open.add(where + " (allOf without unevaluatedProperties: false)");
    }
    schema.path("properties").fields().forEachRemaining(p ->
        closed(document, p.getValue(), where + "/" + p.getKey(), false, seen, open));
    closed(document, schema.path("items"), where + "[]", false, seen, open);
    closed(document, schema.path("additionalProperties"), where + "{}", false, seen, open);
    schema.path("allOf").forEach(s -> closed(document, s, where + "/allOf", true, seen, open));
    for (String k : List.of("oneOf", "anyOf")) {
      schema.path(k).forEach(s -> closed(document, s, where + "/" + k, member, seen, open));
    }
  }
}
