package dev.storeops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cold-start bench's local stand-in for SMS.ru's {@code /sms/send} (as sms-sender's own tests use
 * one): it checks {@code api_id} and a non-blank {@code to} and {@code msg}, and answers with the
 * documented answer {@code events/sms/smsru-send-ok.json} for the number asked for, with a fresh
 * {@code sms_id}; anything else gets {@code smsru-send-bad-api-id.json}. It counts the SMS it accepted.
 */
final class SmsRuStandIn implements AutoCloseable {
  static final String API_ID = "bench-api-id";
  private final HttpServer server;
  private final AtomicInteger sent = new AtomicInteger();

  SmsRuStandIn(Path events) {
    String ok = fixture(events, "smsru-send-ok.json");
    String refused = fixture(events, "smsru-send-bad-api-id.json");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/sms/send", exchange -> {
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String to = form.getOrDefault("to", "");
      String answer = refused;
      if (exchange.getRequestMethod().equals("POST") && API_ID.equals(form.get("api_id")) && !to.isBlank()
          && !form.getOrDefault("msg", "").isBlank()) {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(ok);
        ObjectNode sms = (ObjectNode) root.get("sms");
        ObjectNode entry = (ObjectNode) sms.elements().next();
        entry.put("sms_id", String.format("000000-%08d", sent.incrementAndGet()));
        sms.removeAll();
        sms.set(to, entry);
        answer = root.toString();
      }
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** SMS accepted so far. */
  int sent() {
    return sent.get();
  }

  private static String fixture(Path events, String name) {
    try {
      return Files.readString(events.resolve("sms").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
