package dev.storeops.paymentwebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in of YooKassa's payments API v3 for tests (not an AWS service): {@code POST /payments}
 * (Basic auth, {@code Idempotence-Key}, the receipt's items must add up to the amount, as YooKassa checks),
 * {@code GET /payments/{id}}, {@code GET /refunds/{id}}. Its answers are the documented examples in
 * {@code events/payment-webhook/yookassa-api/} with the request's values filled in. The test moves a payment
 * on ({@link #succeed}, {@link #cancel}, {@link #refund}) as a customer and the shop's dashboard would.
 */
final class YooKassaStandIn implements AutoCloseable {
  static final String SHOP_ID = "506751";
  static final String SECRET_KEY = "test_standin-secret-key-0123456789";

  private final HttpServer server;
  private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
  private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
  final List<JsonNode> created = java.util.Collections.synchronizedList(new ArrayList<>());

  YooKassaStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v3/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  void succeed(String paymentId) {
    ObjectNode p = payments.get(paymentId);
    p.put("status", "succeeded").put("paid", true);
    p.remove("confirmation");
  }

  void cancel(String paymentId) {
    payments.get(paymentId).put("status", "canceled");
  }

  /** A full refund of the payment; returns the refund's id. */
  String refund(String paymentId) {
    ObjectNode r = (ObjectNode) fixture("refund-succeeded.json");
    String id = UUID.randomUUID().toString();
    r.put("id", id).put("payment_id", paymentId);
    r.set("amount", payments.get(paymentId).get("amount").deepCopy());
    refunds.put(id, r);
    return id;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String expected = "Basic " + Base64.getEncoder().encodeToString((SHOP_ID + ":" + SECRET_KEY)
          .getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
        send(x, 401, fixture("error-invalid-credentials.json"));
        return;
      }
      String path = x.getRequestURI().getPath().substring("/v3".length());
      if (x.getRequestMethod().equals("POST") && path.equals("/payments")) {
        create(x);
      } else if (x.getRequestMethod().equals("GET") && path.startsWith("/payments/")) {
        ObjectNode p = payments.get(path.substring("/payments/".length()));
        send(x, p == null ? 404 : 200, p == null ? fixture("error-not-found.json") : p);
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
    if (key == null || key.isBlank()) {
      send(x, 400, error("Idempotence-Key"));
      return;
    }
    String existing = byIdempotenceKey.get(key);
    if (existing != null) {
      send(x, 200, payments.get(existing));
      return;
    }
    BigDecimal amount = new BigDecimal(request.path("amount").path("value").asText("0"));
    BigDecimal items = BigDecimal.ZERO;
    for (JsonNode i : request.path("receipt").path("items")) {
      items = items.add(new BigDecimal(i.path("amount").path("value").asText()).multiply(new BigDecimal(
          i.path("quantity").asText())));
      if (!i.has("vat_code") || !i.has("payment_subject") || !i.has("payment_mode") || !i.has("description")) {
        send(x, 400, error("receipt.items"));
        return;
      }
    }
    if (items.compareTo(amount) != 0 || request.path("receipt").path("customer").isEmpty()) {
      send(x, 400, error("receipt"));
      return;
    }
    created.add(request);
    ObjectNode p = (ObjectNode) fixture("payment-pending.json");
    String id = UUID.randomUUID().toString();
    p.put("id", id);
    p.set("amount", request.get("amount"));
    p.put("description", request.path("description").asText());
    p.set("metadata", request.get("metadata"));
    ((ObjectNode) p.get("confirmation")).put("confirmation_url",
        "https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId=" + id);
    payments.put(id, p);
    byIdempotenceKey.put(key, id);
    send(x, 200, p);
  }

  private static JsonNode error(String parameter) {
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("type", "error").put("code", "invalid_request").put("parameter", parameter);
    return e;
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = YooKassaStandIn.class.getClassLoader()
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
