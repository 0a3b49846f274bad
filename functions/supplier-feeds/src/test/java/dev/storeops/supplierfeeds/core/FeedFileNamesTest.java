package dev.storeops.supplierfeeds.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.catalog.suppliers.IncomingKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The name a fetched feed file gets under incoming/: an extension the import knows, a safe key. */
class FeedFileNamesTest {

  @Test
  void aNameWithoutAnExtensionGetsOneFromTheContentType() {
    assertEquals("stock.xlsx", FetchSupplierFeeds.withExtension("stock.xlsx", "application/octet-stream"));
    assertEquals("export.csv", FetchSupplierFeeds.withExtension("export", "text/csv; charset=windows-1251"));
    assertEquals("price.xls", FetchSupplierFeeds.withExtension("price", "application/vnd.ms-excel"));
    assertEquals("feed", FetchSupplierFeeds.withExtension(null, "application/octet-stream"));
  }

  @Test
  void theKeyIsUnderTheSuppliersIncomingWithTheFetchTime() {
    assertEquals("incoming/acme/feed-20261130T060000Z-остатки_склад.csv",
        IncomingKeys.feedFile("acme", Instant.parse("2026-11-30T06:00:00Z"), "остатки/склад.csv"));
  }
}
