package dev.storeops.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SupplierUploadPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-30T11:05:09.123Z");

  @Test
  void anUploadGoesIntoTheSuppliersDropZoneUnderAStampedName() {
    assertEquals("incoming/acme/20261130T110509Z-остатки 30.11.xlsx",
        SupplierUploadPolicy.key("acme", "C:\\fakepath\\остатки 30.11.xlsx", true, NOW));
    assertEquals("incoming/acme/20261130T110509Z-stock.CSV", SupplierUploadPolicy.key("acme", "dir/stock.CSV", true, NOW));
  }

  @Test
  void onlyCsvOrXlsxForASupplierWithAProfile() {
    assertThrows(NotFound.class, () -> SupplierUploadPolicy.key("acme", "stock.csv", false, NOW));
    assertThrows(NotFound.class, () -> SupplierUploadPolicy.key("../etc", "stock.csv", true, NOW));
    for (String bad : new String[] {null, "", "stock.xls", "stock.exe", "a/", "x".repeat(151) + ".csv", "a\u0000.csv"}) {
      Invalid e = assertThrows(Invalid.class, () -> SupplierUploadPolicy.key("acme", bad, true, NOW), String.valueOf(bad));
      assertEquals("fileName", e.errors().get(0).field());
    }
  }

  @Test
  void aReportIdIsItsNameInBase64UrlAndAnythingElseIsNotFound() {
    String name = "20261123T061505Z-остатки 23.11.csv";
    assertEquals(name, ImportReportId.name(ImportReportId.of(name)));
    assertThrows(NotFound.class, () -> ImportReportId.name("!!"));
    assertThrows(NotFound.class, () -> ImportReportId.name(ImportReportId.of("../profiles/acme")));
  }
}
