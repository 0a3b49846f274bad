package dev.storeops.supplierinbox;

import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.aws.S3Notification;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.supplierinbox.aws.DynamoMailLedger;
import dev.storeops.catalog.s3.S3SupplierBucket;
import dev.storeops.catalog.suppliers.IncomingKeys;
import dev.storeops.supplierinbox.core.ReceiveSupplierMail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the inbox once per container from {@code SUPPLIER_BUCKET} and {@code TABLE_NAME}. */
final class SupplierInboxWiring {
  private static final Log LOG = Log.get(SupplierInboxHandler.class);

  private SupplierInboxWiring() {}

  static Inbox inbox(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    String bucket = env.required("SUPPLIER_BUCKET");
    S3SupplierBucket files = new S3SupplierBucket(clients.s3(), bucket);
    // SnapStart: the snapshot holds the clients warmed (docs/performance.md)
    Priming.of("supplier-inbox", env)
        .step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME")))

        .step("dynamodb writes", clients.primeDynamoDbWrites(env.required("TABLE_NAME")))
        .step("s3", clients.primeS3(bucket))
        .step("s3 moves", clients.primeS3Moves(bucket))
        .step("supplier directory", () -> files.all())   // lists and reads the profiles: reads only
        .step("mail", SupplierInboxWiring::primeMail)
        .json(dev.storeops.catalog.suppliers.SupplierContact.class)
        .lambdaResponse("mail outcomes", () -> new ArrayList<>(List.of(new ReceiveSupplierMail.Outcome(
            "inbox/priming", ReceiveSupplierMail.DELIVERED, "storeops-priming", List.of("incoming/storeops-priming/a.csv"),
            null, "processed/inbox/priming"))))
        .lambdaEvent(java.util.Map.class, java.util.List.class)
        .json(S3Notification.class, S3Notification.SAMPLE)
        .register();
    return new Inbox(new ReceiveSupplierMail(files, files, new DynamoMailLedger(clients.dynamoDb(),
        env.required("TABLE_NAME")), clock), bucket, new ShopMetrics(metrics));
  }

  /**
   * A priming step: a small supplier mail, in memory, through the real intake rules — parsed by mime4j
   * (multipart, base64 and quoted-printable parts, RFC 2047 encoded words, an RFC 2231 file name), its
   * attachments judged, its sender's SES verdicts judged and looked up in an empty directory, and a
   * quarantine report written as JSON — so the first mail after a restore finds all of it loaded.
   */
  static void primeMail() {
    String raw = String.join("\r\n",
        "Return-Path: <priming@example.invalid>",
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        "Authentication-Results: amazonses.com;",
        " spf=pass (spfCheck: priming) smtp.mailfrom=priming@example.invalid;",
        " dkim=pass header.i=@example.invalid;",
        " dmarc=pass header.from=example.invalid;",
        "From: =?UTF-8?B?0J/RgNC+0LHQsA==?= <priming@example.invalid>",
        "To: suppliers@example.invalid",
        "Subject: =?UTF-8?B?0J7RgdGC0LDRgtC60Lg=?=",
        "Date: Mon, 30 Nov 2026 09:15:00 +0300",
        "Message-ID: <storeops-priming@example.invalid>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"priming\"",
        "",
        "--priming",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "=D0=9E=D1=81=D1=82=D0=B0=D1=82=D0=BA=D0=B8",
        "--priming",
        "Content-Type: text/csv; charset=windows-1251; name=\"=?UTF-8?B?0L7RgdGC0LDRgtC60LguY3N2?=\"",
        "Content-Disposition: attachment;",
        " filename*=UTF-8''%D0%BE%D1%81%D1%82%D0%B0%D1%82%D0%BA%D0%B8.csv",
        "Content-Transfer-Encoding: base64",
        "",
        "U0tVO1FUWQ0KUFJJTUlORzsxDQo=",
        "--priming",
        "Content-Type: image/png; name=\"logo.png\"",
        "Content-Disposition: inline; filename=\"logo.png\"",
        "Content-Transfer-Encoding: base64",
        "",
        "iVBORw0KGgo=",
        "--priming--",
        "");
    var mail = dev.storeops.supplierinbox.core.SupplierMail.parse(
        new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    var verdicts = dev.storeops.supplierinbox.core.SpreadsheetAttachments.judge(mail.parts());
    if (verdicts.size() != 2 || !verdicts.get(0).taken() || verdicts.get(1).taken()) {
      throw new IllegalStateException("the priming mail's attachments were judged " + verdicts);
    }
    if (dev.storeops.supplierinbox.core.SenderAuthenticity.distrust(mail).isPresent()) {
      throw new IllegalStateException("the priming mail was distrusted");
    }
    var match = dev.storeops.supplierinbox.core.SupplierBySender.find(mail.from(), List.of());
    java.util.Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put("status", ReceiveSupplierMail.QUARANTINED);
    report.put("reason", match.reason());
    report.put("from", mail.from());
    report.put("subject", mail.subject());
    report.put("attachments", verdicts.stream().map(v -> java.util.Map.of("fileName", v.fileName(),
        "bytes", v.part().content().length, "usable", v.taken())).toList());
    try {
      dev.storeops.platform.json.Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** S3 records → one receive per {@code inbox/} object of the bucket; each quarantined mail counts in SupplierMailsQuarantined. */
  record Inbox(ReceiveSupplierMail receive, String bucket, ShopMetrics metrics) {
    List<ReceiveSupplierMail.Outcome> handle(S3Notification event) {
      List<ReceiveSupplierMail.Outcome> out = new ArrayList<>();
      for (S3Notification.Entry record : event.entries()) {
        String name = record.bucket();
        String key = record.object() == null ? null : record.object().decodedKey();
        if (!bucket.equals(name) || key == null || !key.startsWith(IncomingKeys.INBOX)) {
          LOG.warn("event outside the bucket's inbox/ ignored", "bucket", name, "key", key);
          continue;
        }
        receive.receive(key).ifPresent(o -> {
          if (ReceiveSupplierMail.QUARANTINED.equals(o.status())) {
            metrics.supplierMailQuarantined();
          }
          out.add(o);
        });
      }
      return out;
    }
  }
}
