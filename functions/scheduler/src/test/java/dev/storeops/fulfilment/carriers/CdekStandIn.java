package dev.storeops.fulfilment.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of CDEK's API v2 for tests (not an AWS service), speaking the documented protocol:
 * {@code POST /v2/oauth/token} (form body or query: {@code grant_type=client_credentials}, {@code
 * client_id}, {@code client_secret}; a wrong pair is 401) answers {@code events/carriers/cdek-oauth-token.json}
 * with a new token; {@code GET /v2/orders?cdek_number=…} needs {@code Authorization: Bearer <a token it
 * issued>} (else 401) and answers the fixture the test set for that number with its {@code cdek_number}
 * filled in, or {@code cdek-order-not-found.json} (400). {@link #down} makes every call a 502, as during
 * an outage; {@link #revokeTokens} forgets the tokens issued (CDEK ended them early).
 */
public final class CdekStandIn implements AutoCloseable {
  public static final String CLIENT_ID = "standin-account-0001";
  public static final String CLIENT_SECRET = "standin-secure-password-0001";

  private final HttpServer server;
  private final Map<String, String> fixtures = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger orderRequests = new AtomicInteger();
  private final Map<String, AtomicInteger> perNumber = new ConcurrentHashMap<>();
  private volatile boolean down;

  public CdekStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What CDEK answers for this number from now on: a fixture of {@code events/carriers/}. */
  public void answer(String cdekNumber, String fixture) {
    fixtures.put(cdekNumber, fixture);
  }

  public void down(boolean isDown) {
    this.down = isDown;
  }

  public void revokeTokens() {
    tokens.clear();
  }

  /** Every HTTP call received, answered or not. */
  public int calls() {
    return calls.get();
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  public int orderRequests() {
    return orderRequests.get();
  }

  /** The questions asked about one number. */
  public int requestsFor(String cdekNumber) {
    AtomicInteger n = perNumber.get(cdekNumber);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      calls.incrementAndGet();
      if (down) {
        x.sendResponseHeaders(502, -1);
        return;
      }
      String path = x.getRequestURI().getPath();
      if (x.getRequestMethod().equals("POST") && path.equals("/v2/oauth/token")) {
        token(x);
      } else if (x.getRequestMethod().equals("GET") && path.equals("/v2/orders")) {
        order(x);
      } else {
        send(x, 404, fixture("cdek-order-not-found.json"));
      }
    }
  }

  private void token(HttpExchange x) throws IOException {
    tokenRequests.incrementAndGet();
    Map<String, String> form = new HashMap<>(parse(x.getRequestURI().getRawQuery()));
    form.putAll(parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      ObjectNode error = Json.mapper().createObjectNode();
      error.put("error", "invalid_client").put("error_description", "Bad client credentials");
      send(x, 401, error);
      return;
    }
    ObjectNode t = (ObjectNode) fixture("cdek-oauth-token.json");
    String token = "standin-" + UUID.randomUUID();
    tokens.put(token, true);
    t.put("access_token", token);
    send(x, 200, t);
  }

  private void order(HttpExchange x) throws IOException {
    orderRequests.incrementAndGet();
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring("Bearer ".length()))) {
      x.sendResponseHeaders(401, -1);
      return;
    }
    String number = parse(x.getRequestURI().getRawQuery()).get("cdek_number");
    if (number != null) {
      perNumber.computeIfAbsent(number, k -> new AtomicInteger()).incrementAndGet();
    }
    String name = number == null ? null : fixtures.get(number);
    if (name == null) {
      send(x, 400, fixture("cdek-order-not-found.json"));
      return;
    }
    ObjectNode answer = (ObjectNode) fixture(name);
    ((ObjectNode) answer.get("entity")).put("cdek_number", number);
    send(x, 200, answer);
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  /** A fixture of {@code events/carriers/}. */
  public static JsonNode fixture(String name) {
    try (InputStream in = CdekStandIn.class.getClassLoader().getResourceAsStream("events/carriers/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture events/carriers/" + name);
      }
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
