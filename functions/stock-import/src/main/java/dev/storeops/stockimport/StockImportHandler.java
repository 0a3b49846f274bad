package dev.storeops.stockimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import dev.storeops.stockimport.core.ImportReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * S3 ObjectCreated on {@code incoming/} of the supplier bucket → one import per object. Thin: maps
 * each record to {@link StockImportService.ObjectRef}; a failure (not bad input, which becomes a
 * report) is thrown so that Lambda retries the event — each object is still applied once.
 */
public final class StockImportHandler implements RequestHandler<S3Event, List<ImportReport>> {
  private static final Log LOG = Log.get(StockImportHandler.class);
  private final StockImportService service;
  private final String bucket;

  public StockImportHandler() {
    this(Env.system());
  }

  public StockImportHandler(Env env) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    this.bucket = env.required("SUPPLIER_BUCKET");
    var settings = new StockImportService.Settings(
        env.optionalInt("MAX_FILE_BYTES", (int) StockImportService.Settings.DEFAULT_MAX_FILE_BYTES),
        env.optionalInt("WRITE_THREADS", 16),
        env.required("OPS_EMAIL"),
        Path.of(System.getProperty("java.io.tmpdir")));
    this.service = new StockImportService(new S3SupplierFiles(clients.s3(), bucket),
        new DynamoStockStore(dynamo, table), new DynamoImportLedger(dynamo, table),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), Clock.systemUTC(), settings);
  }

  @Override
  public List<ImportReport> handleRequest(S3Event event, Context context) {
    List<ImportReport> reports = new ArrayList<>();
    for (S3EventNotificationRecord record : event.getRecords()) {
      var s3 = record.getS3();
      if (!bucket.equals(s3.getBucket().getName())) {
        LOG.warn("event from another bucket ignored", "bucket", s3.getBucket().getName());
        continue;
      }
      var object = s3.getObject();
      service.handle(new StockImportService.ObjectRef(bucket, object.getUrlDecodedKey(), object.getVersionId(),
          object.geteTag(), object.getSequencer(), object.getSizeAsLong())).ifPresent(reports::add);
    }
    return reports;
  }
}
