package dev.storeops.fulfilment.yookassa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.fulfilment.providers.Amounts;
import dev.storeops.fulfilment.providers.YooKassaApi;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@link YooKassaApi} over HTTPS: Basic auth {@code shopId:secretKey}, JSON, {@code Idempotence-Key} on
 * creation. A 404 is "unknown"; any other failure (network, 5xx, 429) is {@link Busy} (503: the provider
 * retries its notification, the customer clicks again). The secret key is never logged.
 */
public final class HttpYooKassaApi implements YooKassaApi {
  private static final Log LOG = Log.get(HttpYooKassaApi.class);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  public HttpYooKassaApi(String baseUrl, String shopId, String secretKey) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((shopId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Payment create(String idempotenceKey, Map<String, Object> request) {
    try {
      HttpRequest r = base("/payments").header("Idempotence-Key", idempotenceKey)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(request))).build();
      return payment(send(r).orElseThrow(() -> unavailable("POST /payments", 404)));
    } catch (IOException e) {
      throw unavailable("POST /payments", e);
    }
  }

  @Override
  public Optional<Payment> payment(String id) {
    return send(base("/payments/" + id).GET().build()).map(HttpYooKassaApi::payment);
  }

  @Override
  public Optional<Refund> refund(String id) {
    return send(base("/refunds/" + id).GET().build()).map(HttpYooKassaApi::refund);
  }

  @Override
  public Refund createRefund(String idempotenceKey, String paymentId, long amountMinor, String currency,
      String description) {
    Map<String, Object> request = new java.util.LinkedHashMap<>();
    request.put("payment_id", paymentId);
    request.put("amount", Map.of("value", Amounts.decimal(amountMinor), "currency", currency));
    request.put("description", description);
    try {
      HttpRequest r = base("/refunds").header("Idempotence-Key", idempotenceKey)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(request))).build();
      return refund(send(r).orElseThrow(() -> unavailable("POST /refunds", 404)));
    } catch (IOException e) {
      throw unavailable("POST /refunds", e);
    }
  }

  private static Refund refund(JsonNode n) {
    return new Refund(n.path("id").asText(), n.path("payment_id").asText(null), n.path("status").asText(),
        Amounts.minor(n.path("amount").path("value").asText("0"), "amount.value"),
        n.path("amount").path("currency").asText("RUB"));
  }

  private static Payment payment(JsonNode n) {
    JsonNode confirmation = n.path("confirmation");
    return new Payment(n.path("id").asText(), n.path("status").asText(),
        Amounts.minor(n.path("amount").path("value").asText("0"), "amount.value"),
        n.path("amount").path("currency").asText("RUB"), n.path("metadata").path("orderId").asText(null),
        confirmation.hasNonNull("confirmation_url") ? confirmation.get("confirmation_url").asText() : null);
  }

  private HttpRequest.Builder base(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", authorization).header("Accept", "application/json");
  }

  private Optional<JsonNode> send(HttpRequest r) {
    String what = r.method() + " " + r.uri().getPath();
    try {
      HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() / 100 != 2) {
        throw unavailable(what, response.statusCode());
      }
      return Optional.of(Json.mapper().readTree(response.body()));
    } catch (IOException e) {
      throw unavailable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(what, e);
    }
  }

  private static Busy unavailable(String what, int status) {
    LOG.warn("yookassa api failed", "call", what, "status", status);
    return new Busy("The payment provider did not answer (" + what + ": " + status + "); try again.");
  }

  private static Busy unavailable(String what, Exception e) {
    LOG.warn("yookassa api unreachable", "call", what, "error", e.getClass().getSimpleName());
    return new Busy("The payment provider could not be reached (" + what + "); try again.");
  }
}
