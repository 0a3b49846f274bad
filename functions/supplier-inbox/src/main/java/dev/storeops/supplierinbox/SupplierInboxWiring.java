package dev.storeops.supplierinbox;

import dev.storeops.platform.aws.Priming;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
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
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.S3Event.class,
            java.util.List.class)
        .register();
    return new Inbox(new ReceiveSupplierMail(files, files, new DynamoMailLedger(clients.dynamoDb(),
        env.required("TABLE_NAME")), clock), bucket, new ShopMetrics(metrics));
  }

  /** S3 records → one receive per {@code inbox/} object of the bucket; each quarantined mail counts in SupplierMailsQuarantined. */
  record Inbox(ReceiveSupplierMail receive, String bucket, ShopMetrics metrics) {
    List<ReceiveSupplierMail.Outcome> handle(S3Event event) {
      List<ReceiveSupplierMail.Outcome> out = new ArrayList<>();
      for (S3EventNotificationRecord record : event.getRecords()) {
        String name = record.getS3().getBucket().getName();
        String key = record.getS3().getObject().getUrlDecodedKey();
        if (!bucket.equals(name) || !key.startsWith(IncomingKeys.INBOX)) {
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
