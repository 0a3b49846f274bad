package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.ManageCatalog;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.Warehouse;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A shop point's daily till export put into the supplier bucket under {@code points/<pointId>/} through
 * the S3 API, handled by the real stock-import handler (docs/points.md): each receipt decrements the
 * point's stock once, a receipt with a bad row is rejected whole and listed in the report's rejected rows,
 * and the same file uploaded again changes nothing.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointSalesFileImportTest {
  private AwsStack stack;
  private String bucket;
  private String table;
  private StockImportHandler handler;
  private DynamoCatalog catalog;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.bucket = stack.bucketName("SupplierBucket");
    this.table = stack.tableName("StoreTable");
    this.handler = stack.handler("StockImportFunction", StockImportHandler.class);
    this.catalog = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC());
    // before the handler's first read: a container reads the warehouses at most every 30 s
    catalog.putWarehouse(new Warehouse(point, "Точка на Арбате", "Москва", true));
    catalog.putWarehouse(new Warehouse(emptyPoint, "Точка", "Москва", true));
    catalog.putWarehouse(new Warehouse(store, "Склад", "Москва"));
  }

  private final String point = "pt-" + UUID.randomUUID().toString().substring(0, 8);
  private final String emptyPoint = "pt-" + UUID.randomUUID().toString().substring(0, 8);
  private final String store = "wh-" + UUID.randomUUID().toString().substring(0, 8);

  private String product(String point, long onHand) {
    String sku = "PT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.putProduct(new Product(sku, "Чай", 15000, "RUB", 100, 10, 10, 10, null, List.of(), List.of(),
        Clock.systemUTC().instant()));
    new ManageCatalog(catalog, Clock.systemUTC()).setStock(sku, point, new ManageCatalog.StockRequest(onHand), "w-anna");
    return sku;
  }

  private long onHand(String sku, String point) {
    return Items.num(stack.dynamoDb().getItem(b -> b.tableName(table).key(TableKeys.stockKey(sku, point))
        .consistentRead(true)).item(), "onHand", -1);
  }

  private long pointSaleEntries(String sku) {
    return stack.dynamoDb().query(q -> q.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SKU#" + sku), ":m", AttributeValue.fromS("MOVE#"))))
        .items().stream().filter(i -> "point-sale".equals(Items.str(i, "movement"))).count();
  }

  /** Puts the file through the S3 API and hands its ObjectCreated event to the handler. */
  private void drop(String key, byte[] body) {
    var put = stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    handler.handleRequest(S3Events.objectCreated(bucket, key, (long) body.length, put.eTag().replace("\"", ""),
        Long.toHexString(System.nanoTime())), null);
  }

  private List<String> keys(String prefix) {
    return stack.s3().listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> o.key()).toList();
  }

  @Test
  void eachReceiptDecrementsOnceBadRowsAreReportedAndAReUploadChangesNothing() throws Exception {
    String tea = product(point, 10);
    String cup = product(point, 4);
    String csv = String.join("\n",
        "receipt;sold_at;sku;qty;price;total",
        "R-1;2026-11-29T12:00:00+03:00;" + tea + ";2;150,00;350,00",
        "R-1;2026-11-29T12:00:00+03:00;" + cup + ";1;50,00;350,00",
        "R-2;2026-11-29T13:10:00+03:00;" + tea + ";1;150.00;150.00",
        "R-3;2026-11-29T14:00:00+03:00;" + tea + ";много;150,00;",
        "R-3;2026-11-29T14:00:00+03:00;" + cup + ";1;50,00;",
        "R-4;2026-11-29T15:00:00+03:00;NO-SUCH-SKU-" + UUID.randomUUID().toString().substring(0, 4) + ";1;10,00;10,00",
        "");
    // a Russian till exports Windows-1251
    byte[] body = csv.getBytes(Charset.forName("windows-1251"));
    drop("points/" + point + "/2026-11-29.csv", body);

    assertEquals(7, onHand(tea, point), "R-1 took 2 and R-2 took 1; R-3 (a bad row) took nothing");
    assertEquals(3, onHand(cup, point), "R-1 took 1; R-3's good row is not applied without its bad row");
    assertEquals(2, pointSaleEntries(tea));
    assertEquals(1, pointSaleEntries(cup));

    List<String> reports = keys("reports/points/" + point + "/");
    String reportKey = reports.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
    JsonNode report = Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(reportKey)).asByteArray());
    assertEquals("applied", report.path("status").asText());
    assertEquals(4, report.path("receipts").asInt());
    assertEquals(2, report.path("recorded").asInt());
    assertEquals(2, report.path("rejectedReceipts").asInt());
    assertEquals(3, report.path("rejectedRows").asInt(), report.toString());
    assertTrue(report.path("rejected").path(0).path("reason").asText().contains("qty"), report.toString());
    String rejectedKey = report.path("rejectedRowsFile").asText();
    String rejected = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(rejectedKey)).asString(StandardCharsets.UTF_8);
    assertTrue(rejected.startsWith("row,receipt,reason"), rejected);
    assertTrue(rejected.contains("R-4") && rejected.contains("not in the catalog"), rejected);
    assertTrue(keys("points/" + point + "/").isEmpty(), "the file moved to processed/");
    assertEquals(1, keys("processed/points/" + point + "/").size());

    // the same export uploaded again: every receipt is a replay, nothing moves
    drop("points/" + point + "/2026-11-29-again.csv", body);
    assertEquals(7, onHand(tea, point));
    assertEquals(3, onHand(cup, point));
    assertEquals(2, pointSaleEntries(tea));
    String again = keys("reports/points/" + point + "/").stream()
        .filter(k -> k.endsWith(".json") && k.contains("again")).findFirst().orElseThrow();
    JsonNode second = Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(again)).asByteArray());
    assertEquals(0, second.path("recorded").asInt());
    assertEquals(2, second.path("replayed").asInt());
  }

  @Test
  void aFileWithoutTheColumnsIsRefusedAndQuarantinedAndAWarehouseWithoutATillRecordsNothing() throws Exception {
    String point = emptyPoint;
    drop("points/" + point + "/bad.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    String reportKey = keys("reports/points/" + point + "/").stream().filter(k -> k.endsWith(".json")).findFirst()
        .orElseThrow();
    JsonNode report = Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(reportKey)).asByteArray());
    assertEquals("refused", report.path("status").asText());
    assertTrue(report.path("reason").asText().contains("receipt"), report.toString());
    assertEquals(1, keys("quarantine/points/" + point + "/").size());

    String sku = product(store, 5);
    drop("points/" + store + "/day.csv", ("receipt,sold_at,sku,qty,price\nR-1,2026-11-29T12:00:00+03:00," + sku
        + ",1,10.00\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(5, onHand(sku, store));
    String key = keys("reports/points/" + store + "/").stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
    JsonNode r = Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    assertEquals(1, r.path("rejectedReceipts").asInt());
    assertTrue(r.path("rejected").path(0).path("reason").asText().contains("not a shop point"), r.toString());
    assertFalse(r.path("rejectedRowsFile").isNull());
  }
}
