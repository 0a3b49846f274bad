package dev.storeops.supplierinbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.supplierinbox.core.ReceiveSupplierMail;
import dev.storeops.supplierinbox.core.SupplierMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * supplier-inbox on the AWS stack (S3Proxy, DynamoDB Local): the raw messages of events/supplier-inbox/ put
 * under inbox/ as SES would, the handler built from template.yaml.
 */
@WithAwsStack
class SupplierInboxHandlerTest {

  @Test
  void aSuppliersMailLeavesItsAttachmentUnderIncomingOnceAndTheRawMailInProcessed(AwsStack stack) {
    World w = new World(stack);
    w.profile("chaynaya-lavka-" + w.run, "[\"sklad@chaynaya-lavka-" + w.run + ".example\"]");
    // another supplier's profile without senders, one that is not JSON: both are passed over
    w.profile("posuda-" + w.run, null);
    w.put("profiles/broken-" + w.run + ".json", "{not json".getBytes(StandardCharsets.UTF_8));
    String inboxKey = "inbox/" + w.run + "-first";
    Map<String, Object> event = w.mail(inboxKey, "supplier-mail.eml");

    List<ReceiveSupplierMail.Outcome> out = w.handler.handleRequest(event, null);

    assertEquals(1, out.size());
    ReceiveSupplierMail.Outcome o = out.get(0);
    assertEquals(ReceiveSupplierMail.DELIVERED, o.status());
    assertEquals("chaynaya-lavka-" + w.run, o.supplierId());
    assertEquals(1, o.files().size(), "the CSV; the inline logo is not a stock file");
    String key = o.files().get(0);
    assertTrue(key.startsWith("incoming/chaynaya-lavka-" + w.run + "/mail-") && key.endsWith("-остатки 30.11.csv"), key);
    byte[] attachment = SupplierMail.parse(new ByteArrayInputStream(fixture("supplier-mail.eml"))).parts().get(0).content();
    assertArrayEquals(attachment, w.get(key));
    assertFalse(w.exists(inboxKey), "the raw mail left inbox/");
    assertTrue(w.exists("processed/inbox/" + w.run + "-first"));

    // S3 delivers the event again: the raw mail is gone, nothing happens
    assertTrue(w.handler.handleRequest(event, null).isEmpty());
    // the same message received a second time (same Message-ID, another SES object): nothing new is stored
    List<String> before = w.keys("incoming/chaynaya-lavka-" + w.run + "/");
    w.profileDelete("chaynaya-lavka-" + w.run); // would quarantine if it were handled again
    ReceiveSupplierMail.Outcome again = w.handler.handleRequest(w.mail("inbox/" + w.run + "-again", "supplier-mail.eml"),
        null).get(0);
    assertEquals(ReceiveSupplierMail.DUPLICATE, again.status());
    assertEquals(before, w.keys("incoming/chaynaya-lavka-" + w.run + "/"));
    assertTrue(w.exists("processed/inbox/" + w.run + "-again"));
  }

  @Test
  void anUnknownSenderIsQuarantinedWithAReportAndAnAlertNothingImported(AwsStack stack) throws IOException {
    World w = new World(stack);
    w.profile("chaynaya-lavka-" + w.run, "[\"sklad@chaynaya-lavka-" + w.run + ".example\"]");
    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      String inboxKey = "inbox/" + w.run + "-unknown";
      ReceiveSupplierMail.Outcome o = w.handler.handleRequest(w.mail(inboxKey, "unknown-sender.eml"), null).get(0);

      assertEquals(ReceiveSupplierMail.QUARANTINED, o.status());
      assertEquals("unknown sender prices@unknown-shop.example: no supplier profile lists it in senders", o.reason());
      assertEquals("quarantine/inbox/" + w.run + "-unknown", o.movedTo());
      assertFalse(w.exists(inboxKey));
      assertArrayEquals(w.mine(fixture("unknown-sender.eml")), w.get(o.movedTo()));
      JsonNode report = Json.mapper().readTree(w.get(o.movedTo() + ".json"));
      assertEquals("quarantined", report.path("status").asText());
      assertEquals(o.reason(), report.path("reason").asText());
      assertEquals("prices@unknown-shop.example", report.path("from").asText());
      assertEquals("остатки 30.11.csv", report.path("attachments").path(0).path("fileName").asText());
      assertTrue(report.path("attachments").path(0).path("usable").asBoolean());
      assertTrue(w.keys("incoming/").stream().noneMatch(k -> k.contains(w.run)), "nothing imported");
      assertEquals(1, metrics.total(ShopMetrics.SUPPLIER_MAILS_QUARANTINED));
    }
  }

  @Test
  void aMailWithoutASpreadsheetOrFromAForgedSenderIsQuarantined(AwsStack stack) throws IOException {
    World w = new World(stack);
    String supplier = "chaynaya-lavka-" + w.run;
    w.profile(supplier, "[\"sklad@chaynaya-lavka-" + w.run + ".example\"]");

    ReceiveSupplierMail.Outcome pdf = w.handler.handleRequest(w.mail("inbox/" + w.run + "-pdf", "no-attachment.eml"), null)
        .get(0);
    assertEquals(ReceiveSupplierMail.QUARANTINED, pdf.status());
    assertEquals("no attachment is a spreadsheet (.csv, .xlsx, .xls)", pdf.reason());
    JsonNode report = Json.mapper().readTree(w.get(pdf.movedTo() + ".json"));
    assertEquals(supplier, report.path("supplierId").asText());
    assertEquals("not a spreadsheet (прайс.pdf, application/pdf): only .csv, .xlsx and .xls are imported",
        report.path("attachments").path(0).path("why").asText());

    ReceiveSupplierMail.Outcome forged = w.handler.handleRequest(w.mail("inbox/" + w.run + "-forged", "forged-sender.eml"),
        null).get(0);
    assertEquals(ReceiveSupplierMail.QUARANTINED, forged.status());
    assertEquals("sender not authenticated: DMARC fail", forged.reason());
    assertTrue(w.keys("incoming/" + supplier + "/").isEmpty(), "nothing imported");
  }

  @Test
  void theSetUpNotificationSesWritesWhenTheRuleIsCreatedIsPutAsideNotQuarantined(AwsStack stack) {
    World w = new World(stack);
    String key = "inbox/" + w.run + "/AMAZON_SES_SETUP_NOTIFICATION";
    byte[] body = "Amazon SES setup notification".getBytes(StandardCharsets.UTF_8);
    w.put(key, body);
    assertTrue(w.handler.handleRequest(w.event(key, body.length), null).isEmpty());
    assertFalse(w.exists(key));
    assertArrayEquals(body, w.get("processed/inbox/" + w.run + "_AMAZON_SES_SETUP_NOTIFICATION"));
    assertTrue(w.keys("quarantine/inbox/" + w.run).isEmpty());
  }

  static byte[] fixture(String name) {
    try (InputStream in = SupplierInboxHandlerTest.class.getClassLoader()
        .getResourceAsStream("events/supplier-inbox/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One test's bucket, handler and unique run id. */
  static final class World {
    final AwsStack stack;
    final String bucket;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final SupplierInboxHandler handler;

    World(AwsStack stack) {
      this.stack = stack;
      this.bucket = stack.bucketName("SupplierBucket");
      this.handler = stack.handler("SupplierInboxFunction", SupplierInboxHandler.class);
    }

    void profile(String supplierId, String senders) {
      put("profiles/" + supplierId + ".json", ("""
          {"supplierId": "%s", "warehouse": "msk-1", "columns": {"sku": ["Артикул"], "quantity": ["Остаток"]}%s}
          """.formatted(supplierId, senders == null ? "" : ", \"senders\": " + senders)).getBytes(StandardCharsets.UTF_8));
    }

    void profileDelete(String supplierId) {
      stack.s3().deleteObject(b -> b.bucket(bucket).key("profiles/" + supplierId + ".json"));
    }

    void put(String key, byte[] body) {
      stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    byte[] get(String key) {
      return stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    boolean exists(String key) {
      try {
        stack.s3().headObject(b -> b.bucket(bucket).key(key));
        return true;
      } catch (NoSuchKeyException e) {
        return false;
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        if (e.statusCode() == 404) {
          return false;
        }
        throw e;
      }
    }

    byte[] mine(byte[] raw) {
      return new String(raw, StandardCharsets.ISO_8859_1).replace("Chaynaya-Lavka.example", "Chaynaya-Lavka-" + run + ".example")
          .replace("chaynaya-lavka.example", "chaynaya-lavka-" + run + ".example").getBytes(StandardCharsets.ISO_8859_1);
    }

    List<String> keys(String prefix) {
      return stack.s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
          .map(S3Object::key).sorted().toList();
    }

    /**
     * Puts the fixture under {@code inboxKey} as SES does and returns the event S3 sends for it. The supplier's
     * domain gets this run's id (sender and Message-ID), so tests sharing the stack never see each other's mail.
     */
    Map<String, Object> mail(String inboxKey, String fixture) {
      byte[] raw = mine(fixture(fixture));
      put(inboxKey, raw);
      return event(inboxKey, raw.length);
    }

    /** The event S3 sends for an object put under {@code inboxKey}. */
    Map<String, Object> event(String inboxKey, long size) {
      return dev.storeops.stack.S3Events.objectCreated("events/supplier-inbox/mail-stored.json", bucket, inboxKey,
          size, UUID.randomUUID().toString().replace("-", ""), Long.toHexString(System.nanoTime()));
    }
  }
}
