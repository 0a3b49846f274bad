package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stockimport.aws.DynamoImportLedger;
import dev.storeops.catalog.StockLedger;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.S3SupplierFiles;
import dev.storeops.stockimport.core.ImportReport;
import dev.storeops.stockimport.core.StockChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service with its real S3/DynamoDB/SQS adapters on the AWS stack and an instrumented stock
 * repository (the real one, counting the UpdateItem calls it makes, and able to let an order reserve
 * just before each write) — to show how many items an import writes and that a reservation racing
 * the import is never lost.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockImportServiceTest {
  private AwsStack stack;
  private String bucket;
  private String table;

  /** The real repository, counting its UpdateItem calls; optionally an order reserves before the first try. */
  final class CountingStore extends DynamoStockStore {
    final AtomicInteger updates = new AtomicInteger();
    final Set<String> raced = ConcurrentHashMap.newKeySet();
    final boolean raceOrders;

    CountingStore(boolean raceOrders) {
      super(stack.dynamoDb(), table);
      this.raceOrders = raceOrders;
    }

    @Override
    protected void update(String supplierId, String warehouse, StockChange change, StockLedger.Levels before,
        Instant now, String file) {
      if (raceOrders && raced.add(change.sku())) {
        reserve(change.sku(), 2);
      }
      updates.incrementAndGet();
      super.update(supplierId, warehouse, change, before, now, file);
    }
  }

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.bucket = stack.bucketName("SupplierBucket");
    this.table = stack.tableName("StoreTable");
  }

  StockImportService service(CountingStore store) {
    return new StockImportService(new S3SupplierFiles(stack.s3(), bucket), store,
        new DynamoImportLedger(stack.dynamoDb(), table),
        new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), Clock.systemUTC(),
        new StockImportService.Settings(StockImportService.Settings.DEFAULT_MAX_FILE_BYTES, 4, "ops@example.com",
            Path.of(System.getProperty("java.io.tmpdir"))));
  }

  ImportReport importFile(StockImportService service, String supplier, String text) {
    String key = "incoming/" + supplier + "/stock.csv";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    return service.handle(new StockImportService.ObjectRef(bucket, key, null, UUID.randomUUID().toString(),
        Long.toHexString(System.nanoTime()), (long) body.length)).orElseThrow();
  }

  String newSupplier() {
    String sup = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    String profile = """
        {"supplierId": "%s", "warehouse": "msk-1", "columns": {"sku": ["sku"], "quantity": ["qty"]}}
        """.formatted(sup);
    stack.s3().putObject(b -> b.bucket(bucket).key("profiles/" + sup + ".json"), RequestBody.fromString(profile));
    return sup;
  }

  static String file(String sup, int skus, int changedEvery, int changedQty) {
    StringBuilder text = new StringBuilder("sku,qty\n");
    for (int i = 0; i < skus; i++) {
      text.append(sup).append('-').append(i).append(',')
          .append(changedEvery > 0 && i % changedEvery == 0 ? changedQty : 10).append('\n');
    }
    return text.toString();
  }

  @Test
  void writesEveryItemOnceThenNothingThenOnlyTheChangedOnes() {
    String sup = newSupplier();
    CountingStore store = new CountingStore(false);
    StockImportService service = service(store);
    assertEquals(ImportReport.APPLIED, importFile(service, sup, file(sup, 200, 0, 0)).status());
    assertEquals(200, store.updates.getAndSet(0));

    ImportReport again = importFile(service, sup, file(sup, 200, 0, 0));
    assertEquals(0, store.updates.get());
    assertEquals(200, again.unchanged());

    ImportReport onePercent = importFile(service, sup, file(sup, 200, 100, 11));
    assertEquals(2, store.updates.get());
    assertEquals(2, onePercent.updated());
  }

  @Test
  void aReservationBetweenReadAndWriteMakesTheImportRetryWithTheNewReservedValue() {
    String sup = newSupplier();
    StockImportService plain = service(new CountingStore(false));
    assertEquals(ImportReport.APPLIED, importFile(plain, sup, file(sup, 20, 0, 0)).status());

    CountingStore racing = new CountingStore(true);
    ImportReport report = importFile(service(racing), sup, file(sup, 20, 1, 5));
    assertEquals(ImportReport.APPLIED, report.status());
    assertEquals(20, report.updated());
    assertEquals(40, racing.updates.get(), "each write conflicted once and was retried once");
    for (int i = 0; i < 20; i++) {
      String sku = sup + "-" + i;
      Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table)
          .key(DynamoStockStore.key(sku, "msk-1")).consistentRead(true)).item();
      assertEquals("5", item.get("onHand").n());
      assertEquals("2", item.get("reserved").n());
      assertEquals("3", item.get("available").n());
    }
    assertEquals(20, racing.raced.size());
  }

  void reserve(String sku, long q) {
    stack.dynamoDb().updateItem(b -> b.tableName(table).key(DynamoStockStore.key(sku, "msk-1"))
        .updateExpression("SET available = available - :q, reserved = reserved + :q")
        .conditionExpression("available >= :q")
        .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Long.toString(q)))));
  }
}
