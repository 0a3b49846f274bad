package dev.storeops.stockimport;

import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the import service once per container. */
final class StockImportWiring {
  private StockImportWiring() {}

  static StockImportEvents events(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    String bucket = env.required("SUPPLIER_BUCKET");
    var settings = new StockImportService.Settings(
        env.optionalInt("MAX_FILE_BYTES", (int) StockImportService.Settings.DEFAULT_MAX_FILE_BYTES),
        env.optionalInt("WRITE_THREADS", 16),
        env.required("OPS_EMAIL"),
        Path.of(System.getProperty("java.io.tmpdir")));
    StockImportService service = new StockImportService(new S3SupplierFiles(clients.s3(), bucket),
        new DynamoStockStore(dynamo, table), new DynamoImportLedger(dynamo, table),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), clock, settings);
    return new StockImportEvents(service, bucket, new ShopMetrics(metrics));
  }
}
