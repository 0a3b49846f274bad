package dev.storeops.stack.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The YooKassa stand-in keeps the refund rules of YooKassa's API v3 that the shop's adapters rely on. */
class YooKassaStandInTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Answer(int status, JsonNode body) {}

  private static Answer post(YooKassaStandIn yookassa, String path, String key, String body, boolean signed)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(yookassa.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      r.header("Idempotence-Key", key);
    }
    if (signed) {
      r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (YooKassaStandIn.SHOP_ID + ":" + YooKassaStandIn.SECRET_KEY).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> a = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(a.statusCode(), Json.mapper().readTree(a.body()));
  }

  private static String refund(String paymentId, String value) {
    return "{\"payment_id\":\"" + paymentId + "\",\"amount\":{\"value\":\"" + value + "\",\"currency\":\"RUB\"}}";
  }

  @Test
  void refundsASucceededPaymentOncePerKeyAndNeverBeyondWhatIsLeft() throws Exception {
    try (YooKassaStandIn yookassa = new YooKassaStandIn()) {
      yookassa.paid("pay-1", "10.00");
      Answer first = post(yookassa, "/refunds", "k-1", refund("pay-1", "6.00"), true);
      assertEquals(200, first.status());
      assertEquals("succeeded", first.body().get("status").asText());
      assertEquals("pay-1", first.body().get("payment_id").asText());
      assertEquals("6.00", first.body().get("amount").get("value").asText());
      Answer again = post(yookassa, "/refunds", "k-1", refund("pay-1", "6.00"), true);
      assertEquals(first.body().get("id"), again.body().get("id"));
      assertEquals(1, yookassa.createdRefunds().size());

      Answer tooMuch = post(yookassa, "/refunds", "k-2", refund("pay-1", "4.01"), true);
      assertEquals(400, tooMuch.status());
      assertEquals("amount", tooMuch.body().get("parameter").asText());
      Answer rest = post(yookassa, "/refunds", "k-3", refund("pay-1", "4.00"), true);
      assertEquals(200, rest.status());
      assertNotEquals(first.body().get("id"), rest.body().get("id"));
      assertEquals(2, yookassa.createdRefunds().size());
    }
  }

  @Test
  void refusesRefundsOfUnknownOrUnpaidPaymentsWithoutAKeyOrUnsignedAndAnswers500WhenDown() throws Exception {
    try (YooKassaStandIn yookassa = new YooKassaStandIn()) {
      assertEquals(404, post(yookassa, "/refunds", "k-1", refund("pay-unknown", "1.00"), true).status());
      assertEquals(400, post(yookassa, "/refunds", null, refund("pay-unknown", "1.00"), true).status());
      assertEquals(401, post(yookassa, "/refunds", "k-1", refund("pay-unknown", "1.00"), false).status());
      yookassa.paid("pay-2", "5.00");
      yookassa.cancel("pay-2");
      Answer unpaid = post(yookassa, "/refunds", "k-2", refund("pay-2", "5.00"), true);
      assertEquals(400, unpaid.status());
      assertEquals("payment_id", unpaid.body().get("parameter").asText());

      yookassa.paid("pay-3", "5.00");
      yookassa.failNext();
      assertEquals(500, post(yookassa, "/refunds", "k-3", refund("pay-3", "5.00"), true).status());
      assertEquals(200, post(yookassa, "/refunds", "k-3", refund("pay-3", "5.00"), true).status());
      assertEquals(1, yookassa.createdRefunds().size());
    }
  }
}
