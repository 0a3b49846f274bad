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
        alerts(clients, env.required("EMAIL_QUEUE_URL")), clock, settings,
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
        .step("s3 reads and moves", clients.primeS3Moves(bucket, "profiles/"))
        .json(dev.storeops.stockimport.core.SupplierProfile.class, PRIMING_PROFILE)
        .step("import xlsx", () -> primeImport(service, "/priming/stock.xlsx"))
        .step("import xls", () -> primeImport(service, "/priming/stock.xls"))
        .step("import csv", () -> primeImport(service, "/priming/stock.csv"))
        .lambdaResponse("import reports", () -> new java.util.ArrayList<>(List.of(
            primeImport(service, "/priming/stock.csv"))))
        .lambdaEvent(java.util.Map.class, java.util.List.class)
        .json(dev.storeops.platform.aws.S3Notification.class, dev.storeops.platform.aws.S3Notification.SAMPLE)
        .register();
    return new StockImportEvents(service, bucket, new ShopMetrics(metrics), points);
  }

  /** Staff alerts of files not applied; the SQS client is built on the first alert (not in init). */
  static dev.storeops.messaging.MailOutbox alerts(AwsClients clients, String queueUrl) {
    return intents -> new SqsMailOutbox(clients.sqs(), queueUrl).send(intents);
  }

  /** A supplier profile as the bucket holds them (local mode's demo supplier's shape), of a supplier that never exists. */
  static final String PRIMING_PROFILE = """
      {"supplierId": "storeops-priming", "warehouse": "msk-1", "leadTimeDays": 5, "format": "auto",
       "encoding": "auto", "delimiter": "auto",
       "columns": {"sku": ["артикул", "код", "sku"], "quantity": ["остаток", "кол-во", "количество"],
                   "name": ["наименование", "товар"], "price": ["цена", "опт"], "expiresAt": ["годен до"]},
       "quantityWords": {"много": 50, "мало": 2, "нет": 0}, "missing": "zero", "maxZeroShare": 0.5}""";

  /**
   * A priming step: the small stock list {@code resource} of the jar through the real import short of its
   * writes ({@link StockImportService#primeImport}); it must come out with its rows read and planned.
   */
  static dev.storeops.stockimport.core.ImportReport primeImport(StockImportService service, String resource) {
    try {
      var profile = dev.storeops.platform.json.Json.mapper()
          .readValue(PRIMING_PROFILE, dev.storeops.stockimport.core.SupplierProfile.class).validated();
      var report = service.primeImport(resource, profile);
      if (report.dataRows() < 2) {
        throw new IllegalStateException("priming file " + resource + " read " + report.dataRows() + " rows");
      }
      return report;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
