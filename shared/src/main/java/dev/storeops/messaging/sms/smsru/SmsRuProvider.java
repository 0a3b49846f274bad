package dev.storeops.messaging.sms.smsru;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.messaging.sms.SmsProvider;
import dev.storeops.messaging.sms.SmsProviderException;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SMS.ru's HTTP API ({@code /sms/send}, its public documentation): one form POST with {@code api_id},
 * {@code to} (digits, no plus), {@code msg}, {@code from} (the shop's approved sender name) and
 * {@code json=1}; the answer is {@code {"status":"OK","status_code":100,"sms":{"<to>":{"status":"OK",
 * "status_code":100,"sms_id":"…"}},"balance":…}}, or {@code status} ERROR with a {@code status_code} at
 * the top (the request) or per number. The {@code api_id} travels in the body, never in the URL, and is
 * never logged. Codes: see {@link #PERMANENT}; every other code, HTTP 5xx, a refused connection → retried.
 */
public final class SmsRuProvider implements SmsProvider {
  /**
   * Codes retrying cannot fix: 200 wrong api_id, 201 no money on the account, 202 wrong number, 203 no
   * text, 204 sender name not approved, 205 text too long, 207 this number cannot get SMS, 209 number
   * on the stop list, 300/301/302 authorisation or account not confirmed. (206 daily limit, 220 service
   * unavailable, 230–232 per-number limits, 500 server error are retried.)
   */
  public static final Set<Integer> PERMANENT = Set.of(200, 201, 202, 203, 204, 205, 207, 209, 300, 301, 302);
  private static final int OK = 100;
  private final HttpClient http;
  private final URI sendUri;
  private final String apiId;
  private final Duration timeout;

  /** @param baseUrl {@code https://sms.ru} (a local stand-in in tests) */
  public SmsRuProvider(String baseUrl, String apiId, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.sendUri = URI.create(baseUrl.replaceAll("/+$", "") + "/sms/send");
    this.apiId = apiId;
    this.timeout = timeout;
  }

  @Override
  public String send(String phone, String text, String sender) throws SmsProviderException {
    String to = phone.startsWith("+") ? phone.substring(1) : phone;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_id", apiId);
    form.put("to", to);
    form.put("msg", text);
    form.put("json", "1");
    if (sender != null && !sender.isBlank()) {
      form.put("from", sender);
    }
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(sendUri).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new SmsProviderException(false, "unreachable", "SMS.ru not reachable", e);
    } catch (HttpTimeoutException e) {
      throw new SmsProviderException(false, SmsProviderException.NO_ANSWER, "SMS.ru gave no answer in time", e);
    } catch (IOException e) {
      throw new SmsProviderException(false, "io", "SMS.ru call failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsProviderException(false, "interrupted", "interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new SmsProviderException(response.statusCode() < 500 && response.statusCode() != 429,
          "http-" + response.statusCode(), "SMS.ru answered HTTP " + response.statusCode());
    }
    return messageId(response.body(), to);
  }

  /** The {@code sms_id} of an accepted message, or the refusal classified. */
  static String messageId(String body, String to) throws SmsProviderException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new SmsProviderException(false, "unreadable", "SMS.ru answer is not JSON");
    }
    if (root == null || !"OK".equals(root.path("status").asText())) {
      throw refusal(root == null ? null : root);
    }
    JsonNode sms = root.path("sms").path(to);
    if (sms.isMissingNode()) {
      throw new SmsProviderException(false, "unreadable", "SMS.ru answer has no entry for the number");
    }
    if (!"OK".equals(sms.path("status").asText()) || sms.path("status_code").asInt() != OK) {
      throw refusal(sms);
    }
    return sms.path("sms_id").asText();
  }

  private static SmsProviderException refusal(JsonNode node) {
    int code = node == null ? 0 : node.path("status_code").asInt(0);
    String text = node == null ? "" : node.path("status_text").asText("");
    return new SmsProviderException(PERMANENT.contains(code), "smsru-" + code, text.isEmpty() ? "refused" : text);
  }
}
