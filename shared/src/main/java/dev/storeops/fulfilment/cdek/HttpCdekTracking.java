package dev.storeops.fulfilment.cdek;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.fulfilment.carriers.CarrierEvent;
import dev.storeops.fulfilment.carriers.CarrierTracking;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * CDEK's API v2 as the parcel poll asks it (docs/carriers.md), over {@code java.net.http} like the
 * YooKassa adapter: {@code POST /v2/oauth/token} ({@code grant_type=client_credentials}, the shop's
 * {@code client_id} and {@code client_secret} as a form body — CDEK also takes them in the query, the
 * body keeps the secret out of URLs and access logs); the bearer token is kept until a minute before its
 * {@code expires_in} (and dropped at once when CDEK answers 401); then {@code GET /v2/orders?cdek_number=…}
 * and its {@code entity.statuses[]} ({@code code}, {@code date_time}, {@code city}). An unknown number
 * (404, or CDEK's {@code v2_entity_not_found}) has no statuses; any other failure is
 * {@link CarrierTracking.Unavailable}. Neither the secret nor the token is ever logged.
 */
public final class HttpCdekTracking implements CarrierTracking {
  private static final Log LOG = Log.get(HttpCdekTracking.class);
  /** CDEK writes offsets without a colon ({@code 2026-11-30T12:00:00+0300}). */
  private static final DateTimeFormatter CDEK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");
  private static final Duration EARLY = Duration.ofMinutes(1);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private String token;
  private Instant tokenUntil = Instant.MIN;

  public HttpCdekTracking(String baseUrl, String clientId, String clientSecret, Clock clock) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  @Override
  public List<CarrierEvent> statuses(String trackingNumber) {
    String path = "/v2/orders?cdek_number=" + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8);
    HttpResponse<byte[]> r = get(path, token());
    if (r.statusCode() == 401) {
      // the token ended early (revoked, clock skew): one new token, one more try
      drop();
      r = get(path, token());
    }
    if (r.statusCode() == 404 || (r.statusCode() == 400 && notFound(r.body()))) {
      return List.of();
    }
    if (r.statusCode() / 100 != 2) {
      throw unavailable("GET /v2/orders", r.statusCode());
    }
    return events(read(r.body(), "GET /v2/orders"));
  }

  /** The statuses of a {@code GET /v2/orders} answer ({@code entity.statuses[]}); public for the fixture tests. */
  public static List<CarrierEvent> events(JsonNode answer) {
    List<CarrierEvent> events = new ArrayList<>();
    for (JsonNode s : answer.path("entity").path("statuses")) {
      events.add(new CarrierEvent(s.path("code").asText(null), time(s.path("date_time").asText(null)),
          s.path("city").asText(null)));
    }
    return events;
  }

  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException iso) {
      try {
        return OffsetDateTime.parse(text, CDEK_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static boolean notFound(byte[] body) {
    try {
      for (JsonNode request : Json.mapper().readTree(body).path("requests")) {
        for (JsonNode error : request.path("errors")) {
          if (error.path("code").asText("").contains("not_found")) {
            return true;
          }
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private synchronized String token() {
    Instant now = clock.instant();
    if (token != null && now.isBefore(tokenUntil)) {
      return token;
    }
    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/oauth/token"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<byte[]> r = send(request, "POST /v2/oauth/token");
    if (r.statusCode() / 100 != 2) {
      throw unavailable("POST /v2/oauth/token", r.statusCode());
    }
    JsonNode n = read(r.body(), "POST /v2/oauth/token");
    String t = n.path("access_token").asText("");
    long seconds = n.path("expires_in").asLong(0);
    if (t.isEmpty() || seconds <= 0) {
      throw new CarrierTracking.Unavailable("CDEK's token answer has no access_token/expires_in");
    }
    token = t;
    tokenUntil = now.plusSeconds(seconds).minus(EARLY);
    return token;
  }

  private synchronized void drop() {
    token = null;
    tokenUntil = Instant.MIN;
  }

  private HttpResponse<byte[]> get(String pathAndQuery, String bearer) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
    return send(request, "GET /v2/orders");
  }

  private HttpResponse<byte[]> send(HttpRequest r, String what) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      LOG.warn("cdek api unreachable", "call", what, "error", e.getClass().getSimpleName());
      throw new CarrierTracking.Unavailable("CDEK could not be reached (" + what + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CarrierTracking.Unavailable("interrupted (" + what + ")");
    }
  }

  private static JsonNode read(byte[] body, String what) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new CarrierTracking.Unavailable("CDEK answered " + what + " with no JSON");
    }
  }

  private static CarrierTracking.Unavailable unavailable(String what, int status) {
    LOG.warn("cdek api failed", "call", what, "status", status);
    return new CarrierTracking.Unavailable("CDEK did not answer (" + what + ": " + status + ")");
  }
}
