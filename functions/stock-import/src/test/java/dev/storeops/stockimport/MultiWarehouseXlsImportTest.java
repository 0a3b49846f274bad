package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.catalog.Product;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.aws.DynamoSupplierPrices;
import dev.storeops.stockimport.core.ImportReport;
import dev.storeops.stockimport.core.OneCWorkbooks;
import dev.storeops.stockimport.core.OneCWorkbooks.Line;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 15's done-when on the AWS stack: a 1C .xls with a two-row header, three warehouse columns and
 * three price columns, put into the supplier bucket through the S3 API, imports into three warehouses
 * with the purchase prices kept; the price rule sets the shop price and writes the change down.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiWarehouseXlsImportTest {
  @TempDir
  Path dir;
  private AwsStack stack;
  private StockImportHandler handler;
  private String bucket;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("StockImportFunction", StockImportHandler.class);
    this.bucket = stack.bucketName("SupplierBucket");
    this.table = stack.tableName("StoreTable");
  }

  private ImportReport upload(String key, Path file) throws Exception {
    byte[] body = Files.readAllBytes(file);
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    Map<String, Object> event = S3Events.objectCreated(bucket, key, (long) body.length, UUID.randomUUID().toString().replace("-", ""),
        Long.toHexString(System.nanoTime()).toUpperCase());
    return handler.handleRequest(event, null).get(0);
  }

  private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
    return stack.dynamoDb().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  private long onHand(String sku, String warehouse) {
    return Long.parseLong(item(DynamoStockStore.key(sku, warehouse)).get("onHand").n());
  }

  @Test
  void aTwoRowHeaderXlsImportsIntoThreeWarehousesWithThePurchasePricesKept() throws Exception {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    String tea = sup + "-00124";
    String coffee = sup + "-125";
    new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC()).putProduct(new Product(coffee, "Кофе", 39_900,
        "RUB", 250, 0, 0, 0, "coffee", List.of(), List.of(), null));
    String profile = OneCWorkbooks.profileJson(sup, ", \"blank\": \"zero\", \"priority\": 2,"
        + " \"priceRule\": {\"markupPercent\": 40, \"roundTo\": 10}");
    stack.s3().putObject(b -> b.bucket(bucket).key("profiles/" + sup + ".json"),
        RequestBody.fromBytes(profile.getBytes(StandardCharsets.UTF_8)));
    Path file = OneCWorkbooks.write(dir.resolve("прайс.xls"), false,
        new Line(tea, 1, "Чай зелёный", 100.5, 180, 150, 12, "-", 5),
        new Line(coffee, 2, "Кофе", 300, 450, 420, "1 234", 7, 0),
        new Line(sup + "-A", 3, "Соль", 10, 20, 15, "abc", 2, 3));

    ImportReport report = upload("incoming/" + sup + "/прайс 30.11.xls", file);

    assertEquals(ImportReport.APPLIED, report.status(), report.reason());
    assertEquals("xls", report.format());
    assertEquals(6, report.updated());
    assertEquals(Map.of("c-1", 12L, "s-1", 0L, "t-1", 5L), Map.of("c-1", onHand(tea, "c-1"), "s-1",
        onHand(tea, "s-1"), "t-1", onHand(tea, "t-1")));
    assertEquals(1234, onHand(coffee, "c-1"));
    assertEquals(7, onHand(coffee, "s-1"));
    assertEquals(0, onHand(coffee, "t-1"));
    // the supplier's priority is on its stock, where the order's allocation reads it
    var levels = new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC()).stock(coffee);
    assertEquals(3, levels.size());
    levels.forEach(l -> {
      assertEquals(sup, l.supplierId());
      assertEquals(2, l.priority());
    });

    Map<String, AttributeValue> price = item(DynamoSupplierPrices.key(tea, sup));
    assertEquals("10050", price.get("purchasePriceMinor").n());
    assertEquals("18000", price.get("retailPriceMinor").n());
    assertEquals("15000", price.get("minRetailPriceMinor").n());
    assertEquals("30000", item(DynamoSupplierPrices.key(coffee, sup)).get("purchasePriceMinor").n());
    assertEquals(2L, report.pricesUpdated());

    // 300 RUB + 40 % = 420 RUB (= the МИЦ); the tea has no product, so only the coffee's shop price changes
    assertEquals(1L, report.shopPricesChanged());
    assertEquals("42000", item(TableKeys.primaryKey(TableKeys.SKU.key(coffee), "PRODUCT")).get("priceMinor").n());
    var history = stack.dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :s)")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TableKeys.SKU.key(coffee)),
            ":s", AttributeValue.fromS("PRICE#")))).items();
    assertEquals(1, history.size());
    assertEquals("39900", history.get(0).get("oldPriceMinor").n());
    assertEquals("42000", history.get(0).get("newPriceMinor").n());
    assertEquals("incoming/" + sup + "/прайс 30.11.xls", history.get(0).get("file").s());

    // the prices are journalled per SKU × supplier, read back as the staff route reads them
    var prices = new dev.storeops.catalog.ReadPriceHistory(new DynamoCatalog(stack.dynamoDb(), table, Clock.systemUTC()),
        new dev.storeops.catalog.dynamo.DynamoPriceHistory(stack.dynamoDb(), table)).read(coffee, null, null);
    var supplierPrices = prices.entries().stream()
        .filter(e -> e.kind() == dev.storeops.catalog.ReadPriceHistory.Kind.supplier).toList();
    var shopPrices = prices.entries().stream()
        .filter(e -> e.kind() == dev.storeops.catalog.ReadPriceHistory.Kind.shop).toList();
    assertEquals(1, supplierPrices.size(), prices.toString());
    assertEquals(30000L, supplierPrices.get(0).purchasePriceMinor());
    assertEquals(45000L, supplierPrices.get(0).retailPriceMinor());
    assertTrue(supplierPrices.get(0).journal());
    assertEquals(sup, prices.current().get(0).supplierId());
    assertEquals(1, shopPrices.size(), prices.toString());
    assertEquals(42000L, shopPrices.get(0).newPriceMinor());
    assertEquals(null, prices.nextCursor(), "two entries: one page");

    // the report names the rejected SKU and the value that failed
    String reportKey = StockImportService.reportKey(sup, report.startedAt(), report.file());
    JsonNode json = Json.mapper().readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(reportKey))
        .asByteArray());
    JsonNode rejected = json.get("rejected").get(0);
    assertEquals(sup + "-A", rejected.get("sku").asText());
    assertEquals("abc", rejected.get("values").get("Центр. Склад / Остаток").asText());
    assertTrue(rejected.get("reason").asText().startsWith("warehouse c-1: "));
    assertEquals(3, json.get("warehouses").size());

    // the same file again writes nothing: no stock, no prices, no shop price
    ImportReport again = upload("incoming/" + sup + "/прайс 30.11 (2).xls", file);
    assertEquals(ImportReport.APPLIED, again.status(), again.reason());
    assertEquals(0, again.updated());
    assertEquals(0L, again.pricesUpdated());
    assertEquals(1, new dev.storeops.catalog.dynamo.DynamoPriceHistory(stack.dynamoDb(), table).supplierJournal(tea).size(),
        "an unchanged price is not journalled again");
    assertEquals(0L, again.shopPricesChanged());
    assertFalse(again.rejected().isEmpty());
    assertNull(again.reason());
  }
}
