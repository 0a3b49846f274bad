package dev.storeops.supplierfeeds;

import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.supplierfeeds.aws.DynamoFeedStates;
import dev.storeops.catalog.s3.S3SupplierBucket;
import dev.storeops.supplierfeeds.core.FetchSupplierFeeds;
import dev.storeops.supplierfeeds.net.HttpFeedClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the feed job once per container: {@code SUPPLIER_BUCKET}, {@code TABLE_NAME}, {@code
 * FEED_TIMEOUT_SECONDS} (default 60) and {@code MAX_FEED_BYTES} (default 100 MiB), the shop's time zone
 * for cron schedules.
 */
final class SupplierFeedsWiring {
  private SupplierFeedsWiring() {}

  static Feeds feeds(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    // SnapStart: the snapshot holds the clients warmed (docs/performance.md)
    Priming.of("supplier-feeds", env)
        .step("dynamodb", clients.primeDynamoDb(env.required("TABLE_NAME")))

        .step("dynamodb writes", clients.primeDynamoDbWrites(env.required("TABLE_NAME")))
        .step("s3", clients.primeS3(env.required("SUPPLIER_BUCKET")))
        .lambdaEvent(java.util.Map.class, java.util.Map.class)
        .register();
    S3SupplierBucket bucket = new S3SupplierBucket(clients.s3(), env.required("SUPPLIER_BUCKET"));
    HttpFeedClient http = new HttpFeedClient(Duration.ofSeconds(env.optionalInt("FEED_TIMEOUT_SECONDS", 60)),
        Long.parseLong(env.optional("MAX_FEED_BYTES", "104857600")));
    return new Feeds(new FetchSupplierFeeds(bucket, new DynamoFeedStates(clients.dynamoDb(), env.required("TABLE_NAME")),
        http, bucket, clock, ShopSettings.from(env).zone()), new ShopMetrics(metrics));
  }

  /** One run; each failed feed counts in SupplierFeedsFailed. */
  record Feeds(FetchSupplierFeeds fetch, ShopMetrics metrics) {
    Map<String, Object> run() {
      FetchSupplierFeeds.Run run = fetch.run();
      metrics.supplierFeedsFailed((int) run.count(FetchSupplierFeeds.FAILED));
      return run.figures();
    }
  }
}
