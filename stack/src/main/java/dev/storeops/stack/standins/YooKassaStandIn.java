package dev.storeops.stack.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in of YooKassa's API v3 for tests (not an AWS service), payments and refunds:
 * <ul>
 *   <li>{@code POST /payments}: the receipt's items must add up to the amount and name VAT code, subject,
 *       mode and description, with a customer, as YooKassa checks;</li>
 *   <li>{@code GET /payments/{id}};</li>
 *   <li>{@code POST /refunds}: {@code payment_id} and {@code amount} required; only a {@code succeeded}
 *       payment is refunded, never beyond what is left of its amount (a full or partial refund);</li>
 *   <li>{@code GET /refunds/{id}}.</li>
 * </ul>
 * Every call needs Basic auth ({@link #SHOP_ID}:{@link #SECRET_KEY}); a {@code POST} needs an
 * {@code Idempotence-Key}, and the same key answers the same object again, as YooKassa does for 24 h.
 * Its answers are the documented examples in {@code events/payment-webhook/yookassa-api/} with the
 * request's values filled in. The test moves a payment on as a customer and the shop's dashboard would
 * ({@link #succeed}, {@link #cancel}, {@link #refund}), tells of a payment made before the test
 * ({@link #paid}), and {@link #failNext} makes the next call answer 500, as an outage would.
 */
public final class YooKassaStandIn implements AutoCloseable {
  public static final String SHOP_ID = "506751";
  public static final String SECRET_KEY = "test_standin-secret-key-0123456789";
  private static final Path FIXTURES = RepoRoot.find().resolve("events/payment-webhook/yookassa-api");

  private final HttpServer server;
  private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
  /** "payments:" or "refunds:" + Idempotence-Key → the id of what that key created. */
  private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
  private final List<JsonNode> createdPayments = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> createdRefunds = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean failNext;

  public YooKassaStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v3/", this::handle);
    server.start();
  }

  /** The API's base URL, for {@code YOOKASSA_API_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  /** The requests of every payment created (one per distinct idempotence key), in order. */
  public List<JsonNode> createdPayments() {
    return List.copyOf(createdPayments);
  }

  /** The requests of every refund created through the API (one per distinct idempotence key), in order. */
  public List<JsonNode> createdRefunds() {
    return List.copyOf(createdRefunds);
  }

  /** The customer paid: the payment is {@code succeeded}. */
  public void succeed(String paymentId) {
    ObjectNode p = payments.get(paymentId);
    p.put("status", "succeeded").put("paid", true);
    p.remove("confirmation");
  }

  /** The payment was canceled (expired or declined). */
  public void cancel(String paymentId) {
    payments.get(paymentId).put("status", "canceled");
  }

  /** A payment that succeeded before the test (through another checkout): YooKassa knows it, so it can be refunded. */
  public void paid(String paymentId, String value) {
    ObjectNode p = (ObjectNode) fixture("payment-pending.json");
    p.put("id", paymentId);
    p.set("amount", Json.mapper().createObjectNode().put("value", value).put("currency", "RUB"));
    payments.put(paymentId, p);
    succeed(paymentId);
  }

  /** A full refund of the payment from the shop's dashboard (not through the API); returns the refund's id. */
  public String refund(String paymentId) {
    return newRefund(paymentId, payments.get(paymentId).get("amount").deepCopy());
  }

  /** The next call answers 500 (an outage); the one after it is served again. */
  public void failNext() {
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
      String method = x.getRequestMethod();
      String path = x.getRequestURI().getPath().substring("/v3".length());
      if (method.equals("POST") && path.equals("/payments")) {
        createPayment(x);
      } else if (method.equals("POST") && path.equals("/refunds")) {
        createRefund(x);
      } else if (method.equals("GET") && path.startsWith("/payments/")) {
        found(x, payments.get(path.substring("/payments/".length())));
      } else if (method.equals("GET") && path.startsWith("/refunds/")) {
        found(x, refunds.get(path.substring("/refunds/".length())));
      } else {
        send(x, 404, fixture("error-not-found.json"));
      }
    }
  }

  private void createPayment(HttpExchange x) throws IOException {
    String key = x.getRequestHeaders().getFirst("Idempotence-Key");
    JsonNode request = Json.mapper().readTree(x.getRequestBody().readAllBytes());
    if (key == null || key.isBlank()) {
      send(x, 400, error("Idempotence-Key"));
      return;
    }
    String existing = byIdempotenceKey.get("payments:" + key);
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
    createdPayments.add(request);
    ObjectNode p = (ObjectNode) fixture("payment-pending.json");
    String id = UUID.randomUUID().toString();
    p.put("id", id);
    p.set("amount", request.get("amount"));
    p.put("description", request.path("description").asText());
    p.set("metadata", request.get("metadata"));
    ((ObjectNode) p.get("confirmation")).put("confirmation_url",
        "https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId=" + id);
    payments.put(id, p);
    byIdempotenceKey.put("payments:" + key, id);
    send(x, 200, p);
  }

  private void createRefund(HttpExchange x) throws IOException {
    String key = x.getRequestHeaders().getFirst("Idempotence-Key");
    JsonNode request = Json.mapper().readTree(x.getRequestBody().readAllBytes());
    if (key == null || key.isBlank()) {
      send(x, 400, error("Idempotence-Key"));
      return;
    }
    if (!request.hasNonNull("payment_id") || !request.path("amount").has("value")) {
      send(x, 400, error(request.hasNonNull("payment_id") ? "amount" : "payment_id"));
      return;
    }
    String existing = byIdempotenceKey.get("refunds:" + key);
    if (existing != null) {
      send(x, 200, refunds.get(existing));
      return;
    }
    ObjectNode payment = payments.get(request.get("payment_id").asText());
    if (payment == null) {
      send(x, 404, fixture("error-not-found.json"));
      return;
    }
    if (!payment.path("status").asText().equals("succeeded")) {
      send(x, 400, error("payment_id"));
      return;
    }
    BigDecimal asked = new BigDecimal(request.path("amount").path("value").asText());
    BigDecimal left = new BigDecimal(payment.path("amount").path("value").asText()).subtract(refunded(payment));
    if (asked.signum() <= 0 || asked.compareTo(left) > 0) {
      send(x, 400, error("amount"));
      return;
    }
    String id = newRefund(payment.get("id").asText(), request.get("amount"));
    byIdempotenceKey.put("refunds:" + key, id);
    createdRefunds.add(request);
    send(x, 200, refunds.get(id));
  }

  private String newRefund(String paymentId, JsonNode amount) {
    ObjectNode r = (ObjectNode) fixture("refund-succeeded.json");
    String id = UUID.randomUUID().toString();
    r.put("id", id).put("payment_id", paymentId);
    r.set("amount", amount);
    refunds.put(id, r);
    ObjectNode payment = payments.get(paymentId);
    BigDecimal refunded = refunded(payment).add(new BigDecimal(amount.path("value").asText()));
    payment.set("refunded_amount", Json.mapper().createObjectNode().put("value", refunded.toPlainString())
        .put("currency", amount.path("currency").asText("RUB")));
    return id;
  }

  private static BigDecimal refunded(JsonNode payment) {
    return new BigDecimal(payment.path("refunded_amount").path("value").asText("0"));
  }

  private static void found(HttpExchange x, JsonNode object) throws IOException {
    send(x, object == null ? 404 : 200, object == null ? fixture("error-not-found.json") : object);
  }

  private static JsonNode error(String parameter) {
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("type", "error").put("code", "invalid_request").put("parameter", parameter);
    return e;
  }

  private static JsonNode fixture(String name) {
    try {
      return Json.mapper().readTree(Files.readAllBytes(FIXTURES.resolve(name)));
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
