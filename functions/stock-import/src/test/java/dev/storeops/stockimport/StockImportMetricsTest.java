package dev.storeops.stockimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stockimport.core.ImportReport;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Each supplier file counts its outcome once: ImportsApplied, ImportsRefused, ImportsQuarantined. */
@WithAwsStack
class StockImportMetricsTest {

  @Test
  void eachFileCountsItsOutcomeOnceAndARedeliveryCountsNothing(AwsStack stack) {
    StockImportHandler handler = stack.handler("StockImportFunction", StockImportHandler.class);
    String bucket = stack.bucketName("SupplierBucket");
    String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
    put(stack, bucket, "profiles/" + sup + ".json", ("""
        {"supplierId": "%s", "warehouse": "msk-1",
         "columns": {"sku": ["Артикул"], "quantity": ["Остаток"], "name": ["Наименование"]}}
        """.formatted(sup)).getBytes(StandardCharsets.UTF_8));

    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      String key = "incoming/" + sup + "/stock.csv";
      Map<String, Object> applied = upload(stack, bucket, key, csv(sup, "$-1;a;5", "$-2;b;5", "$-3;c;5", "$-4;d;5"));
      assertEquals(ImportReport.APPLIED, handler.handleRequest(applied, null).get(0).status());
      // zeroing 3 of 4 stocked SKUs: the safety stop refuses the file
      assertEquals(ImportReport.REFUSED, handler.handleRequest(
          upload(stack, bucket, key, csv(sup, "$-1;a;6")), null).get(0).status());
      // no profile: quarantined
      String other = "sup-" + UUID.randomUUID().toString().substring(0, 8);
      assertEquals(ImportReport.QUARANTINED, handler.handleRequest(
          upload(stack, bucket, "incoming/" + other + "/stock.csv", csv(other, "$-1;a;5")), null).get(0).status());
      // S3 delivers the first event again: already imported, nothing counted
      assertTrue(handler.handleRequest(applied, null).isEmpty());

      assertEquals(Map.of("ImportsApplied", 1L, "ImportsQuarantined", 1L, "ImportsRefused", 1L), metrics.totals());
      assertEquals(1, metrics.total(ShopMetrics.IMPORTS_REFUSED, Map.of("Stage", stack.functionEnv("StockImportFunction")
          .optional("STAGE", "?"))));
    }
  }

  private static void put(AwsStack stack, String bucket, String key, byte[] body) {
    stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  private static Map<String, Object> upload(AwsStack stack, String bucket, String key, byte[] body) {
    put(stack, bucket, key, body);
    return S3Events.objectCreated(bucket, key, (long) body.length, UUID.randomUUID().toString().replace("-", ""),
        Long.toHexString(System.nanoTime()).toUpperCase());
  }

  private static byte[] csv(String supplier, String... rows) {
    StringBuilder text = new StringBuilder("Артикул;Наименование;Остаток\n");
    for (String row : List.of(rows)) {
      text.append(row.replace("$", supplier)).append('\n');
    }
    return text.toString().getBytes(Charset.forName("windows-1251"));
  }
}
