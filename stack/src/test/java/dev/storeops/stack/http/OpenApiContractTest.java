package dev.storeops.stack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second drift check's validator: an answer that keeps openapi/openapi.yaml passes; a field renamed
 * on either side (in the answer, or in a deliberately changed document) fails, as do an undocumented
 * status, a missing required header, a wrong content type and an unknown route.
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
}
