package dev.storeops.orderevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.fulfilment.s3.S3InvoiceFiles;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderRequest;
import dev.storeops.ordering.OrderService;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bank-transfer order gets its PDF invoice (order-events on the AWS stack from template.yaml): stored under
 * {@code invoices/} in the bucket, mailed with its link, and its payment QR code — read back from the rendered
 * page with ZXing — is exactly the GOST R 56042-2014 string built here by hand from the template's requisites.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceTest {
  private AwsStack stack;
  private OrderEventsHandler handler;
  private OrderComponents orders;
  private String sku;
  private String bucket;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("OrderEventsFunction", OrderEventsHandler.class);
    this.bucket = stack.bucketName("SupplierBucket");
    this.orders = OrderComponents.build(stack.dynamoDb(), stack.sqs(), stack.tableName("StoreTable"),
        stack.queueUrl("OrderEventsQueue"), OrderLimits.defaults(), "ru", Clock.systemUTC(), null);
    orders.catalog().putWarehouse(new Warehouse("msk-1", "Склад на Тверской", "Москва"));
    sku = "INV-" + UUID.randomUUID().toString().substring(0, 8);
    orders.catalog().putProduct(new Product(sku, "Чай улун «Молочный»", 99000, "RUB", 300, 100, 100, 100, "tea",
        null, null, null));
    orders.catalog().setOnHand(sku, "msk-1", 1000);
  }

  @Test
  void aBankTransferOrderGetsAPdfInvoiceWhoseQrCodeIsTheExactGostPaymentString() throws Exception {
    OrderService.Placed placed = order("BANK_TRANSFER");
    String id = placed.order().id();
    Map<String, String> env = stack.functionEnvironment("OrderEventsFunction");

    for (int delivery = 0; delivery < 2; delivery++) {
      SQSBatchResponse response = handler.handleRequest(event(placed), null);
      assertTrue(response.getBatchItemFailures().isEmpty());
    }

    byte[] pdf = stack.s3().getObjectAsBytes(g -> g.bucket(bucket).key(S3InvoiceFiles.key(id))).asByteArray();
    String date = placed.order().createdAt().atZone(ZoneId.of(env.get("SHOP_TIME_ZONE")))
        .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    String purpose = "Оплата по счёту № " + placed.order().number() + " от " + date + ". Без НДС";
    String expected = "ST00012|Name=" + env.get("SHOP_LEGAL_NAME") + "|PersonalAcc=" + env.get("SHOP_BANK_ACCOUNT")
        + "|BankName=" + env.get("SHOP_BANK_NAME") + "|BIC=" + env.get("SHOP_BIC") + "|CorrespAcc="
        + env.get("SHOP_CORR_ACCOUNT") + "|PayeeINN=" + env.get("SHOP_INN") + "|KPP=" + env.get("SHOP_KPP")
        + "|Purpose=" + purpose + "|Sum=" + placed.order().totalMinor();
    assertEquals("ST00012|Name=ООО \"Магазин\"|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк"
        + "|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=7700000000|KPP=770001001|Purpose=" + purpose
        + "|Sum=198000", expected, "the template's default requisites; 2 × 990,00 ₽, pickup free");

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getNumberOfPages());
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Счёт на оплату № " + placed.order().number() + " от " + date), text);
      assertTrue(text.contains("Чай улун «Молочный»"), text);
      assertTrue(text.contains("Без НДС"), text);
      assertTrue(text.contains("Всего к оплате: 1 980,00 ₽"), text);
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
      String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
          DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
      assertEquals(expected, decoded);
    }

    List<JsonNode> invoices = drain().stream().filter(i -> "invoice".equals(i.path("template").asText())).toList();
    assertTrue(invoices.size() >= 1 && invoices.stream().allMatch(i -> ("invoice#" + id).equals(
        i.path("dedupeKey").asText())), "one mail, its redelivery deduplicated by key: " + invoices);
    JsonNode data = invoices.get(0).path("data");
    assertEquals(env.get("PUBLIC_BASE_URL") + "/payments/invoice/" + id + "?token=" + placed.accessToken(),
        data.path("invoiceUrl").asText());
    assertEquals(purpose, data.path("purpose").asText());
    assertEquals("1 980,00 ₽", data.path("totalText").asText());
  }

  @Test
  void otherPaymentMethodsGetNoInvoice() {
    OrderService.Placed placed = order("ONLINE_CARD");
    assertTrue(handler.handleRequest(event(placed), null).getBatchItemFailures().isEmpty());
    assertTrue(stack.s3().listObjectsV2(l -> l.bucket(bucket).prefix(S3InvoiceFiles.key(placed.order().id())))
        .contents().isEmpty());
    assertTrue(drain().stream().noneMatch(i -> ("invoice#" + placed.order().id()).equals(i.path("dedupeKey").asText())));
  }

  private OrderService.Placed order(String paymentMethod) {
    OrderRequest request = new OrderRequest(null,
        new OrderRequest.ContactRequest("buyer." + UUID.randomUUID() + "@example.com", "Ольга Смирнова",
            "+79165551234", "ru", false),
        List.of(new OrderRequest.LineRequest(sku, 2)),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), paymentMethod, "SITE", null);
    return orders.orderService().place(UUID.randomUUID().toString(),
        Json.write(request).getBytes(StandardCharsets.UTF_8), request, OrderService.Origin.storefront());
  }

  private static SQSEvent event(OrderService.Placed placed) {
    SQSEvent event = EventLoader.loadSQSEvent("events/order-events/order-created.json");
    event.getRecords().get(0).setBody(Json.write(OrderCreated.of(placed.order(), placed.accessToken())));
    event.getRecords().get(0).setMessageId(UUID.randomUUID().toString());
    return event;
  }

  private List<JsonNode> drain() {
    List<JsonNode> intents = new ArrayList<>();
    String url = stack.queueUrl("EmailQueue");
    while (true) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (messages.isEmpty()) {
        return intents;
      }
      for (var m : messages) {
        try {
          intents.add(Json.mapper().readTree(m.body()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
  }
}
