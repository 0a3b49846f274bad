package dev.storeops.stack.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for SMS.ru's {@code /sms/send} (not an AWS service), speaking its documented protocol: it
 * takes the form fields of {@code events/sms/smsru-send-request.json}, checks {@code api_id} ({@link #API_ID}),
 * and answers with one of the documented answers in {@code events/sms/smsru-send-*.json} (the number key
 * rewritten to the number asked for), by default {@code smsru-send-ok.json} with a fresh {@code sms_id}; a
 * wrong {@code api_id} gets {@code smsru-send-bad-api-id.json}, a method other than {@code POST} a 405. Every
 * request is recorded and every SMS it accepted (answered with an {@code sms_id}) counted. Used by
 * sms-sender's tests and the cold-start bench.
 */
public final class SmsRuStandIn implements AutoCloseable {
  /** The {@code api_id} it accepts (the one of {@code events/sms/smsru-send-request.json}). */
  public static final String API_ID = "test-api-id";
  private final Path fixtures;
  private final HttpServer server;
  private final List<Map<String, String>> requests = new ArrayList<>();
  private final Map<String, String> answerByNumber = new ConcurrentHashMap<>();
  private int ids;

  /** With the fixtures of this checkout's {@code events/sms}. */
  public SmsRuStandIn() {
    this(RepoRoot.find());
  }

  /** With the fixtures of {@code <repoRoot>/events/sms}. */
  public SmsRuStandIn(Path repoRoot) {
    this.fixtures = repoRoot.resolve("events/sms");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/sms/send", exchange -> {
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String answer;
      synchronized (this) {
        requests.add(form);
        answer = answer(form);
      }
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 200 : 405, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  /** The base URL, for {@code SMSRU_BASE_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answer requests for {@code number} (digits) with {@code events/sms/<fixture>}. */
  public void answer(String number, String fixture) {
    answerByNumber.put(number, fixture);
  }

  /** Every request's form fields, in order. */
  public synchronized List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  /** The requests to {@code number} (digits), in order. */
  public synchronized List<Map<String, String>> requestsTo(String number) {
    return requests.stream().filter(r -> number.equals(r.get("to"))).toList();
  }

  /** SMS accepted so far (answered with an {@code sms_id}). */
  public synchronized int sent() {
    return ids;
  }

  /** The documented answer or request {@code events/sms/<name>} of this checkout. */
  public static JsonNode fixture(String name) {
    return read(RepoRoot.find().resolve("events/sms"), name);
  }

  private static JsonNode read(Path dir, String name) {
    try {
      return Json.mapper().readTree(Files.readString(dir.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String answer(Map<String, String> form) {
    if (!API_ID.equals(form.get("api_id"))) {
      return read(fixtures, "smsru-send-bad-api-id.json").toString();
    }
    String to = form.get("to");
    JsonNode answer = read(fixtures, answerByNumber.getOrDefault(to, "smsru-send-ok.json"));
    if (answer.path("sms") instanceof ObjectNode sms && sms.size() == 1) {
      ObjectNode entry = (ObjectNode) sms.elements().next();
      if (entry.has("sms_id")) {
        entry.put("sms_id", String.format("000000-%08d", ++ids));
      }
      sms.removeAll();
      sms.set(to, entry);
    }
    return answer.toString();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
