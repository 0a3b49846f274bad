package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkuTableTest {
  @Test
  void keepsFileOrderAndReadsBackEveryFigure() {
    SkuTable table = new SkuTable(1);
    int tea = table.add("00124", 4);
    table.setDetails(tea, "Чай зелёный", 129_990, LocalDate.of(2026, 12, 31));
    table.setQuantity(tea, 0, 1234);
    int coffee = table.add("125", 5);
    table.setDetails(coffee, null, SkuTable.NONE, null);
    table.setQuantity(coffee, 0, 10);

    Map<String, FileLine> lines = table.lines(0);
    assertEquals(List.of("00124", "125"), List.copyOf(lines.keySet()));
    assertEquals(new FileLine("00124", 1234, "Чай зелёный", 129_990L, "2026-12-31", 4), lines.get("00124"));
    assertEquals(new FileLine("125", 10, null, null, null, 5), lines.get("125"));
    assertNull(lines.get("126"));
    assertNull(lines.get(125));
    assertTrue(lines.containsKey("125"));
    assertFalse(lines.containsKey("12"));
    assertEquals(2, lines.size());
    assertThrows(UnsupportedOperationException.class, () -> lines.put("9", lines.get("125")));
  }

  @Test
  void aSkuAddedAgainIsFoundAndItsQuantitiesAreSummedUpToTheLimit() {
    SkuTable table = new SkuTable(1);
    int first = table.add("A-1", 2);
    table.setDetails(first, "first name", 100, null);
    table.setQuantity(first, 0, 5);
    int again = table.add("A-1", 9);
    assertEquals(-(first + 1), again);
    table.addQuantity(first, 0, 6);
    assertEquals(11, table.quantity(first, 0));
    assertEquals(2, table.firstRow(first));
    table.addQuantity(first, 0, QuantityParser.MAX_QUANTITY);
    assertEquals(QuantityParser.MAX_QUANTITY, table.quantity(first, 0));
    assertEquals("first name", table.lines(0).get("A-1").name());
    assertEquals(1, table.size());
  }

  /** 300,000 SKUs through a table that starts with room for 4: growth, rehashing and several text pages. */
  @Test
  void holdsManySkusLikeALinkedHashMap() {
    SkuTable table = new SkuTable(2, 4);
    Map<String, FileLine> expected0 = new LinkedHashMap<>();
    Map<String, FileLine> expected1 = new LinkedHashMap<>();
    for (int i = 0; i < 300_000; i++) {
      String sku = (i % 3 == 0 ? "SKU-" : "Арт ") + i;
      String name = "Товар номер " + i + " " + "x".repeat(i % 7);
      int e = table.add(sku, i + 2);
      assertEquals(i, e);
      table.setDetails(e, name, i * 10L, i % 5 == 0 ? LocalDate.ofEpochDay(20_000 + i % 400) : null);
      table.setQuantity(e, 0, i);
      table.setQuantity(e, 1, i * 2L);
      String expiry = i % 5 == 0 ? LocalDate.ofEpochDay(20_000 + i % 400).toString() : null;
      expected0.put(sku, new FileLine(sku, i, name, i * 10L, expiry, i + 2));
      expected1.put(sku, new FileLine(sku, i * 2L, name, i * 10L, expiry, i + 2));
    }
    // hash collisions of String.hashCode: "Aa" and "BB"
    int aa = table.add("Aa", 1);
    int bb = table.add("BB", 1);
    table.setDetails(aa, null, SkuTable.NONE, null);
    table.setDetails(bb, null, SkuTable.NONE, null);
    table.setQuantity(bb, 0, 7);
    expected0.put("Aa", new FileLine("Aa", 0, null, null, null, 1));
    expected0.put("BB", new FileLine("BB", 7, null, null, null, 1));
    expected1.put("Aa", new FileLine("Aa", 0, null, null, null, 1));
    expected1.put("BB", new FileLine("BB", 0, null, null, null, 1));

    assertEquals(expected0, table.lines(0));
    assertEquals(expected1, table.lines(1));
    assertEquals(List.copyOf(expected0.keySet()), List.copyOf(table.lines(0).keySet()));
    assertEquals(List.copyOf(expected1.values()), new ArrayList<>(table.lines(1).values()));
    assertEquals(-(bb + 1), table.add("BB", 99));
    assertEquals(299_999, table.indexOf("Арт 299999"));
  }

  @Test
  void supplierPricesKeepTheFirstRowWithAPriceInTheOrderTheyWereSeen() {
    SkuTable table = new SkuTable(1);
    int a = table.add("A", 2);
    table.offerPrices(a, SkuTable.NONE, SkuTable.NONE, SkuTable.NONE, 2); // a row without prices
    int b = table.add("B", 3);
    table.offerPrices(b, 5000, SkuTable.NONE, 4000, 3);
    table.offerPrices(a, 100, 200, 150, 4);
    table.offerPrices(a, 999, 999, 999, 5); // listed again: the first prices stay

    Map<String, PriceLine> prices = table.prices();
    assertEquals(List.of("B", "A"), List.copyOf(prices.keySet()));
    assertEquals(new PriceLine("B", 5000L, null, 4000L, 3), prices.get("B"));
    assertEquals(new PriceLine("A", 100L, 200L, 150L, 4), prices.get("A"));
    assertEquals(2, prices.size());

    SkuTable none = new SkuTable(1);
    int c = none.add("C", 2);
    none.offerPrices(c, SkuTable.NONE, SkuTable.NONE, SkuTable.NONE, 2);
    assertTrue(none.prices().isEmpty());
    assertFalse(none.prices().containsKey("C"));
    assertNull(none.prices().get("C"));
  }
}
