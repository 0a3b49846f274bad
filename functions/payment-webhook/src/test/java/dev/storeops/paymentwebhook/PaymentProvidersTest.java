package dev.storeops.paymentwebhook;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.providers.RobokassaSignature;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.Tokens;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.standins.YooKassaStandIn;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The provider adapters on the AWS stack from template.yaml: YooKassa (payment link → {@code POST /v3/payments}
 * on a local stand-in of its API, notifications confirmed by reading the payment back and by the sender's
 * address) and Robokassa (signed payment link, ResultURL with Password#2). Notification bodies are the
 * documented examples in {@code events/payment-webhook/}.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentProvidersTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");
  private static final String TOKEN = "tok_customer_access_0123456789";
  private static final String RK_PASSWORD1 = "rk-password-one-0123";
  private static final String RK_PASSWORD2 = "rk-password-two-4567";
  private AwsStack stack;
  private String table;
  private YooKassaStandIn yookassa;
  private PaymentWebhookHandler yookassaShop;
  private PaymentWebhookHandler robokassaShop;

  @BeforeAll
  void setUp(AwsStack stack) throws Exception {
    this.stack = stack;
    this.table = stack.tableName("StoreTable");
    this.yookassa = new YooKassaStandIn();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Map<String, String> yk = new HashMap<>(stack.functionEnvironment("PaymentWebhookFunction"));
    yk.put("PAYMENT_PROVIDER", "yookassa");
    yk.put("YOOKASSA_API_URL", yookassa.baseUrl());
    yk.put("YOOKASSA_SHOP_ID", YooKassaStandIn.SHOP_ID);
    yk.put("YOOKASSA_SECRET_KEY", YooKassaStandIn.SECRET_KEY);
    this.yookassaShop = new PaymentWebhookHandler(Env.of(yk), clock);
    Map<String, String> rk = new HashMap<>(stack.functionEnvironment("PaymentWebhookFunction"));
    rk.put("PAYMENT_PROVIDER", "robokassa");
    rk.put("ROBOKASSA_LOGIN", "demo-shop");
    rk.put("ROBOKASSA_PASSWORD1", RK_PASSWORD1);
    rk.put("ROBOKASSA_PASSWORD2", RK_PASSWORD2);
    rk.put("ROBOKASSA_HASH", "SHA256");
    this.robokassaShop = new PaymentWebhookHandler(Env.of(rk), clock);
  }

  @AfterAll
  void tearDown() {
    yookassa.close();
  }

  @Test
  void theTemplateKeepsTheProviderSecretsNoEchoAndWiresThemToTheFunction() {
    Map<String, String> env = stack.functionEnvironment("PaymentWebhookFunction");
    assertEquals("none", env.get("PAYMENT_PROVIDER"));
    assertEquals("api+ip", env.get("YOOKASSA_VERIFY"));
    assertEquals("MD5", env.get("ROBOKASSA_HASH"));
    assertTrue(env.containsKey("YOOKASSA_SECRET_KEY") && env.containsKey("ROBOKASSA_PASSWORD2"));
  }

  // ---------------------------------------------------------------- YooKassa

  @Test
  void aYooKassaPaymentTakesTheOrderToPaidWithThe54fzReceiptAndARepeatedNotificationChangesNothing() {
    Order o = order(4);
    APIGatewayV2HTTPResponse link = payLink(yookassaShop, o, TOKEN);
    assertEquals(302, link.getStatusCode(), link.getBody());
    String confirmationUrl = link.getHeaders().get("Location");
    assertTrue(confirmationUrl.startsWith("https://yoomoney.ru/api-pages/v2/payment-confirm/"), confirmationUrl);
    String paymentId = confirmationUrl.substring(confirmationUrl.indexOf("orderId=") + "orderId=".length());
    // a second click gets the same payment (Idempotence-Key order-<id>)
    assertEquals(confirmationUrl, payLink(yookassaShop, o, TOKEN).getHeaders().get("Location"));

    JsonNode request = yookassa.createdPayments().stream()
        .filter(r -> o.id().equals(r.path("metadata").path("orderId").asText())).findFirst().orElseThrow();
    assertEquals("3790.00", request.path("amount").path("value").asText());
    assertTrue(request.path("capture").asBoolean());
    assertEquals("redirect", request.path("confirmation").path("type").asText());
    JsonNode receipt = request.path("receipt");
    assertEquals(o.customerId() + "@example.com", receipt.path("customer").path("email").asText());
    JsonNode tea = receipt.path("items").get(0);
    assertEquals("Tea", tea.path("description").asText());
    assertEquals("2.00", tea.path("quantity").asText());
    assertEquals("1795.00", tea.path("amount").path("value").asText());
    assertEquals(4, tea.path("vat_code").asInt(), "the product's own VAT code");
    assertEquals("commodity", tea.path("payment_subject").asText());
    assertEquals("full_prepayment", tea.path("payment_mode").asText());
    JsonNode delivery = receipt.path("items").get(1);
    assertEquals("service", delivery.path("payment_subject").asText());
    assertEquals(1, delivery.path("vat_code").asInt(), "delivery: the shop's default");

    yookassa.succeed(paymentId);
    APIGatewayV2HTTPResponse paid = notify("yookassa-payment-succeeded.json", paymentId, o.id(), "185.71.76.5");
    assertEquals(200, paid.getStatusCode(), paid.getBody());
    assertEquals("PAID", json(paid).get("outcome").asText());
    assertFalse(json(paid).get("duplicate").asBoolean());
    assertEquals("READY_TO_SHIP", stored(o.id()).get("status").asText());

    APIGatewayV2HTTPResponse replay = notify("yookassa-payment-succeeded.json", paymentId, o.id(), "185.71.76.5");
    assertEquals(200, replay.getStatusCode());
    assertTrue(json(replay).get("duplicate").asBoolean());
    assertEquals(1, stored(o.id()).get("payments").asInt(), "the replay wrote nothing");
    assertEquals("READY_TO_SHIP", stored(o.id()).get("status").asText());
  }

  @Test
  void forgedYooKassaNotificationsAreRefusedAndChangeNothing() {
    Order o = order(null);
    String paymentId = paymentFor(o);
    // claims success while YooKassa says the payment is still pending
    APIGatewayV2HTTPResponse early = notify("yookassa-payment-succeeded.json", paymentId, o.id(), "185.71.76.5");
    assertEquals(401, early.getStatusCode(), early.getBody());
    assertTrue(early.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    // a payment YooKassa does not know
    assertEquals(401, notify("yookassa-payment-succeeded.json", UUID.randomUUID().toString(), o.id(), "185.71.76.5")
        .getStatusCode());
    // from an address outside YooKassa's published ranges, even for a real succeeded payment
    yookassa.succeed(paymentId);
    APIGatewayV2HTTPResponse stranger = notify("yookassa-payment-succeeded.json", paymentId, o.id(), "203.0.113.66");
    assertEquals(403, stranger.getStatusCode(), stranger.getBody());
    assertEquals("AWAITING_PAYMENT", stored(o.id()).get("status").asText());
    assertEquals(0, stored(o.id()).get("payments").asInt());
    // the same payment through an IPv6 address of YooKassa's: accepted
    assertEquals(200, notify("yookassa-payment-succeeded.json", paymentId, o.id(), "2a02:5180:0:1::7").getStatusCode());
    assertEquals("READY_TO_SHIP", stored(o.id()).get("status").asText());
  }

  @Test
  void theBodyCannotRedirectAPaymentToAnotherOrder() {
    Order paidFor = order(null);
    Order other = order(null);
    String paymentId = paymentFor(paidFor);
    yookassa.succeed(paymentId);
    // the notification's metadata names another order; the API's copy of the payment is what counts
    APIGatewayV2HTTPResponse r = notify("yookassa-payment-succeeded.json", paymentId, other.id(), "185.71.76.5");
    assertEquals(200, r.getStatusCode(), r.getBody());
    assertEquals(paidFor.id(), json(r).get("orderId").asText());
    assertEquals("AWAITING_PAYMENT", stored(other.id()).get("status").asText());
  }

  @Test
  void aCanceledPaymentOpensTheCallTaskAndARefundCancelsTheOrder() {
    Order canceled = order(null);
    String p1 = paymentFor(canceled);
    yookassa.cancel(p1);
    APIGatewayV2HTTPResponse c = notify("yookassa-payment-canceled.json", p1, canceled.id(), "185.71.77.3");
    assertEquals(200, c.getStatusCode(), c.getBody());
    assertEquals("FAILED_CALL", json(c).get("outcome").asText());

    Order refunded = order(null);
    String p2 = paymentFor(refunded);
    yookassa.succeed(p2);
    assertEquals(200, notify("yookassa-payment-succeeded.json", p2, refunded.id(), "185.71.76.5").getStatusCode());
    String refundId = yookassa.refund(p2);
    APIGatewayV2HTTPResponse r = notifyRefund(refundId, p2);
    assertEquals(200, r.getStatusCode(), r.getBody());
    assertEquals("REFUNDED_CANCELLED", json(r).get("outcome").asText());
    assertEquals("CANCELLED", stored(refunded.id()).get("status").asText());
    assertTrue(json(notifyRefund(refundId, p2)).get("duplicate").asBoolean());
    // a refund YooKassa does not know
    assertEquals(401, notifyRefund(UUID.randomUUID().toString(), p2).getStatusCode());
  }

  @Test
  void thePaymentLinkNeedsTheOrdersToken() {
    Order o = order(null);
    APIGatewayV2HTTPResponse r = payLink(yookassaShop, o, "not-the-token");
    assertEquals(404, r.getStatusCode());
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void theInvoiceLinkOfTheMailRedirectsToTheStoredPdfWithTheOrdersTokenOnly() throws Exception {
    Order o = order(null);
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/invoice-link.json");
    e.setPathParameters(Map.of("orderId", o.id()));
    e.setQueryStringParameters(Map.of("token", TOKEN));
    assertEquals(404, yookassaShop.handleRequest(e, null).getStatusCode(), "no invoice stored yet");
    byte[] pdf = ("%PDF-1.7 " + o.id()).getBytes(StandardCharsets.UTF_8);
    stack.s3().putObject(p -> p.bucket(stack.bucketName("SupplierBucket"))
        .key(dev.storeops.fulfilment.s3.S3InvoiceFiles.key(o.id())), software.amazon.awssdk.core.sync.RequestBody
        .fromBytes(pdf));
    APIGatewayV2HTTPResponse r = yookassaShop.handleRequest(e, null);
    assertEquals(302, r.getStatusCode(), r.getBody());
    var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        URI.create(r.getHeaders().get("Location"))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, download.body());
    e.setQueryStringParameters(Map.of("token", "someone-elses-token"));
    assertEquals(404, yookassaShop.handleRequest(e, null).getStatusCode());
  }

  // ---------------------------------------------------------------- Robokassa

  @Test
  void aRobokassaPaymentTakesTheOrderToPaidAnsweringOkInvIdAndARepeatChangesNothing() {
    Order o = order(null);
    APIGatewayV2HTTPResponse link = payLink(robokassaShop, o, TOKEN);
    assertEquals(302, link.getStatusCode(), link.getBody());
    Map<String, String> q = query(link.getHeaders().get("Location"));
    assertTrue(link.getHeaders().get("Location").startsWith("https://auth.robokassa.ru/Merchant/Index.aspx?"));
    assertEquals("demo-shop", q.get("MerchantLogin"));
    assertEquals("3790.00", q.get("OutSum"));
    assertEquals(o.id(), q.get("Shp_order"));
    assertEquals(new RobokassaSignature(RobokassaSignature.Algorithm.SHA256).payment("demo-shop", "3790.00", null,
        RK_PASSWORD1, Map.of("Shp_order", o.id())), q.get("SignatureValue"));

    // Robokassa's notification: its own OutSum format and invoice number, signed with Password#2
    Map<String, String> form = resultForm("3790.000000", "405" + (System.nanoTime() % 100000), o.id(), RK_PASSWORD2);
    APIGatewayV2HTTPResponse ok = result(form);
    assertEquals(200, ok.getStatusCode(), ok.getBody());
    assertEquals("OK" + form.get("InvId"), ok.getBody());
    assertEquals("READY_TO_SHIP", stored(o.id()).get("status").asText());
    APIGatewayV2HTTPResponse again = result(form);
    assertEquals("OK" + form.get("InvId"), again.getBody());
    assertEquals(1, stored(o.id()).get("payments").asInt(), "the repeat wrote nothing");
  }

  @Test
  void forgedRobokassaResultsAreRefusedAndChangeNothing() {
    Order o = order(null);
    String inv = "77" + (System.nanoTime() % 100000);
    Map<String, String> wrongPassword = resultForm("3790.000000", inv, o.id(), RK_PASSWORD1);
    Map<String, String> tamperedSum = resultForm("3790.000000", inv, o.id(), RK_PASSWORD2);
    tamperedSum.put("OutSum", "1.000000");
    Map<String, String> otherOrder = resultForm("3790.000000", inv, o.id(), RK_PASSWORD2);
    otherOrder.put("Shp_order", order(null).id());
    for (Map<String, String> forged : List.of(wrongPassword, tamperedSum, otherOrder)) {
      APIGatewayV2HTTPResponse r = result(forged);
      assertEquals(401, r.getStatusCode(), r.getBody());
      assertTrue(r.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    }
    assertEquals("AWAITING_PAYMENT", stored(o.id()).get("status").asText());
    assertEquals(0, stored(o.id()).get("payments").asInt());
    Map<String, String> missing = resultForm("3790.000000", inv, o.id(), RK_PASSWORD2);
    missing.remove("InvId");
    APIGatewayV2HTTPResponse bad = result(missing);
    assertEquals(400, bad.getStatusCode());
    assertEquals("InvId", json(bad).get("errors").get(0).get("field").asText());
  }

  // ---------------------------------------------------------------- helpers

  /** A stored online-card order: 2 × Tea at 1795 ₽ (the product's VAT code given) + 200 ₽ delivery. */
  private Order order(Integer vatCode) {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC()).putProduct(new Product(sku, "Tea", 1795_00, "RUB",
        100, 100, 100, 100, "Чай", List.of(), List.of(), NOW, vatCode));
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("SKU#" + sku), "sk", s("STOCK#msk-1"),
        "type", s("Stock"), "sku", s(sku), "warehouse", s("msk-1"), "onHand", Items.n(5), "reserved", Items.n(0),
        "available", Items.n(5))));
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer(customerId, customerId + "@example.com",
        "Anna", null, null, false, null, "ru", NOW, null));
    String id = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    PaymentMethod method = PaymentMethod.ONLINE_CARD;
    Order o = new Order(id, "261123-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), customerId,
        Channel.SITE, "customer", List.of(new OrderLine(sku, "Tea", 2, 1795_00, 3590_00)), 3590_00, 200_00, 3790_00,
        "RUB", null, method, OrderLifecycle.initialStatus(method), OrderLifecycle.created(method, NOW, "customer"),
        null, null, Tokens.sha256Hex(TOKEN), List.of(new Reservation(sku, "msk-1", 2)), NOW, NOW);
    new DynamoOrderStore(stack.dynamoDb(), table).create(o, new IdempotencyRecord("k-" + id, "h", id, "sealed", NOW,
        NOW.plus(Duration.ofDays(1))));
    return o;
  }

  /** Follows the order's YooKassa payment link; returns the payment's id. */
  private String paymentFor(Order o) {
    String url = payLink(yookassaShop, o, TOKEN).getHeaders().get("Location");
    return url.substring(url.indexOf("orderId=") + "orderId=".length());
  }

  private static APIGatewayV2HTTPResponse payLink(PaymentWebhookHandler shop, Order o, String token) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/payment-link.json");
    e.setPathParameters(Map.of("orderId", o.id()));
    e.setRawPath("/dev/payments/pay/" + o.id());
    e.setQueryStringParameters(Map.of("token", token));
    return shop.handleRequest(e, null);
  }

  /** The fixture's notification for {@code paymentId}, its metadata naming {@code orderId}, sent from {@code ip}. */
  private APIGatewayV2HTTPResponse notify(String fixture, String paymentId, String orderId, String ip) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/" + fixture);
    ObjectNode body = (ObjectNode) read(e.getBody());
    ObjectNode object = (ObjectNode) body.get("object");
    object.put("id", paymentId);
    object.putObject("metadata").put("orderId", orderId);
    e.setBody(body.toString());
    e.getRequestContext().getHttp().setSourceIp(ip);
    return yookassaShop.handleRequest(e, null);
  }

  private APIGatewayV2HTTPResponse notifyRefund(String refundId, String paymentId) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/yookassa-refund-succeeded.json");
    ObjectNode body = (ObjectNode) read(e.getBody());
    ((ObjectNode) body.get("object")).put("id", refundId).put("payment_id", paymentId);
    e.setBody(body.toString());
    return yookassaShop.handleRequest(e, null);
  }

  /** Robokassa's ResultURL fields as its fixture has them, for this order, signed with {@code password}. */
  private static Map<String, String> resultForm(String outSum, String invId, String orderId, String password) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/robokassa-result.json");
    Map<String, String> form = query("?" + e.getBody());
    form.put("OutSum", outSum);
    form.put("out_summ", outSum);
    form.put("InvId", invId);
    form.put("inv_id", invId);
    form.put("Shp_order", orderId);
    String sig = new RobokassaSignature(RobokassaSignature.Algorithm.SHA256).result(outSum, invId, password,
        Map.of("Shp_order", orderId)).toUpperCase();
    form.put("SignatureValue", sig);
    form.put("crc", sig);
    return form;
  }

  private APIGatewayV2HTTPResponse result(Map<String, String> form) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/payment-webhook/robokassa-result.json");
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    e.setBody(body.toString());
    return robokassaShop.handleRequest(e, null);
  }

  private static Map<String, String> query(String url) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : URI.create("http://x/" + url.substring(url.indexOf('?'))).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private static JsonNode read(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(APIGatewayV2HTTPResponse r) {
    return read(r.getBody());
  }

  private JsonNode stored(String orderId) {
    var item = stack.dynamoDb().getItem(b -> b.tableName(table).key(DynamoOrderStore.orderKey(orderId))
        .consistentRead(true)).item();
    return Json.mapper().valueToTree(Map.of("status", item.get("status").s(),
        "payments", item.containsKey("payments") ? item.get("payments").l().size() : 0));
  }
}
