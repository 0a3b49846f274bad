package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile's intake fields: {@code senders} (e-mail in) and {@code feed} (URL feeds) are read and checked. */
class SupplierProfileIntakeFieldsTest {

  private static SupplierProfile read(String extra) throws Exception {
    return Json.mapper().readValue("""
        {"supplierId": "acme", "warehouse": "msk-1",
         "columns": {"sku": ["Артикул"], "quantity": ["Остаток"]}%s}
        """.formatted(extra), SupplierProfile.class);
  }

  @Test
  void sendersAndFeedAreKept() throws Exception {
    SupplierProfile p = read("""
        , "senders": ["sklad@acme.example", "Price@Acme.example"],
          "feed": {"url": "https://acme.example/stock.xlsx", "schedule": "cron(0 6 * * ? *)"}""").validated();
    assertEquals(List.of("sklad@acme.example", "Price@Acme.example"), p.senders());
    assertEquals("https://acme.example/stock.xlsx", p.feed().url());
    assertEquals("cron(0 6 * * ? *)", p.feed().schedule());
  }

  @Test
  void aProfileWithoutThemStaysValid() throws Exception {
    SupplierProfile p = read("").validated();
    assertEquals(List.of(), p.senders());
    assertEquals(null, p.feed());
  }

  @Test
  void badSendersAndFeedAreNamed() throws Exception {
    BadInputException e = assertThrows(BadInputException.class, () -> read("""
        , "senders": ["not an address"],
          "feed": {"url": "ftp://acme.example/stock.csv", "schedule": "every day"}""").validated());
    assertTrue(e.getMessage().contains("senders: 'not an address' is not an e-mail address"), e.getMessage());
    assertTrue(e.getMessage().contains("feed.url must be an http(s) URL"), e.getMessage());
    assertTrue(e.getMessage().contains("feed.schedule: schedule expression 'every day' is neither rate(...) nor cron(...)"),
        e.getMessage());
  }
}
