package dev.storeops.stockimport;

import dev.storeops.platform.aws.Priming;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.DynamoSupplierPrices;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.dynamo.DynamoShortStock;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.dynamo.DynamoTaskStore;
import dev.storeops.stockimport.core.StockCounted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), clock, settings,
        shortOrders(dynamo, table, clock, new ShopMetrics(metrics)), new DynamoSupplierPrices(dynamo, table))
        // the purchase list's supplier terms, read from the table by scheduler and staff-api (no S3 there)
        .recordingTermsIn(new dev.storeops.reporting.dynamo.DynamoSupplierTerms(dynamo, table, clock));
    // a shop point's till export (points/<pointId>/…): each receipt as POST /staff/points/{id}/sales
    var catalog = new dev.storeops.catalog.dynamo.DynamoCatalog(dynamo, table, clock);
    var pointSales = new dev.storeops.catalog.RecordPointSale(catalog,
        new dev.storeops.catalog.dynamo.DynamoPointSales(dynamo, table, clock), clock,
        afterPointSale(dynamo, table, clock, new ShopMetrics(metrics)));
    PointSalesFileImport points = new PointSalesFileImport(new S3SupplierFiles(clients.s3(), bucket), pointSales, clock,
        settings.maxFileBytes(), settings.tempDir());
    // SnapStart: the snapshot holds the clients and mappings warmed (docs/performance.md)
    Priming.of("stock-import", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .step("s3", clients.primeS3(bucket))
        .json(dev.storeops.stockimport.core.SupplierProfile.class)
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.S3Event.class,
            java.util.List.class)
        .register();
    return new StockImportEvents(service, bucket, new ShopMetrics(metrics), points);
  }

  /** A till sale that leaves fewer units than the orders hold flags them short, with a task for their manager. */
  static dev.storeops.catalog.ManageCatalog.StockCounted afterPointSale(DynamoDbClient dynamo, String table, Clock clock,
      ShopMetrics metrics) {
    TaskService tasks = new TaskService(new DynamoTaskStore(dynamo, table, new DueWorkStore(dynamo, table, clock)),
        List::of, task -> {}, clock, TaskService.EscalationPolicy.REPORT, Duration.ofHours(1));
    FlagShortOrders flag = new FlagShortOrders(new DynamoShortStock(dynamo, table, clock), tasks, metrics);
    return (sku, warehouse, before, after, by) -> flag.afterCount(sku, warehouse, before, after,
        ShortStockPolicy.Source.POINT_SALE, by);
  }

  /** A count that leaves fewer units than the orders hold flags them short, with a task for their manager. */
  static StockCounted shortOrders(DynamoDbClient dynamo, String table, Clock clock, ShopMetrics metrics) {
    TaskService tasks = new TaskService(new DynamoTaskStore(dynamo, table, new DueWorkStore(dynamo, table, clock)),
        List::of, task -> {}, clock, TaskService.EscalationPolicy.REPORT, Duration.ofHours(1));
    FlagShortOrders flag = new FlagShortOrders(new DynamoShortStock(dynamo, table, clock), tasks, metrics);
    return (supplierId, warehouse, w, file) -> flag.afterCount(w.sku(), warehouse, w.before(), w.after(),
        ShortStockPolicy.Source.SUPPLIER, "supplier:" + supplierId);
  }
}
