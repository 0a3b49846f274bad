package dev.storeops.staffapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in of YooKassa's refunds API v3 for the returns tests (not an AWS service):
 * {@code POST /refunds} (Basic auth, {@code Idempotence-Key}: the same key answers the same refund, as
 * YooKassa does for 24 h; {@code payment_id} and {@code amount} required) and {@code GET /refunds/{id}}.
 * Its answers are the documented examples in {@code events/payment-webhook/yookassa-api/} with the
 * request's values filled in. {@link #failNext} makes the next call answer 500, as an outage would.
 */
final class YooKassaRefundStandIn implements AutoCloseable {
  static final String SHOP_ID = "506751";
  static final String SECRET_KEY = "test_standin-secret-key-0123456789";

  private final HttpServer server;
  private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
  private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
  /** Every refund created (one per distinct idempotence key). */
  final List<JsonNode> created = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean failNext;

  YooKassaRefundStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v3/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  void failNext() {
    failNext = true;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String expected = "Basic " + Base64.getEncoder().encodeToString((SHOP_ID + ":" + SECRET_KEY)
          .getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
        send(x, 401, fixture("error-invalid-credentials.json"));
        return;
      }
      if (failNext) {
        failNext = false;
        send(x, 500, Json.mapper().createObjectNode().put("type", "error").put("code", "internal_server_error"));
        return;
      }
      String path = x.getRequestURI().getPath().substring("/v3".length());
      if (x.getRequestMethod().equals("POST") && path.equals("/refunds")) {
        create(x);
      } else if (x.getRequestMethod().equals("GET") && path.startsWith("/refunds/")) {
        ObjectNode r = refunds.get(path.substring("/refunds/".length()));
        send(x, r == null ? 404 : 200, r == null ? fixture("error-not-found.json") : r);
      } else {
        send(x, 404, fixture("error-not-found.json"));
      }
    }
  }

  private void create(HttpExchange x) throws IOException {
    String key = x.getRequestHeaders().getFirst("Idempotence-Key");
    JsonNode request = Json.mapper().readTree(x.getRequestBody().readAllBytes());
    if (key == null || key.isBlank() || !request.hasNonNull("payment_id") || !request.path("amount").has("value")) {
      send(x, 400, Json.mapper().createObjectNode().put("type", "error").put("code", "invalid_request"));
      return;
    }
    String existing = byIdempotenceKey.get(key);
    if (existing != null) {
      send(x, 200, refunds.get(existing));
      return;
    }
    ObjectNode r = (ObjectNode) fixture("refund-succeeded.json");
    String id = UUID.randomUUID().toString();
    r.put("id", id).put("payment_id", request.get("payment_id").asText());
    r.set("amount", request.get("amount"));
    refunds.put(id, r);
    byIdempotenceKey.put(key, id);
    created.add(request);
    send(x, 200, r);
  }

  private static JsonNode fixture(String name) {
    try (java.io.InputStream in = YooKassaRefundStandIn.class.getClassLoader()
        .getResourceAsStream("events/payment-webhook/yookassa-api/" + name)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
