package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser reads the usual CSV row from FastCSV's characters ({@code acceptPlain}) and every other row
 * as strings ({@code accept}): both must give the same file — lines, quantities, names, prices, expiry
 * dates, supplier prices, rejections with their SKU and cells, warnings, skipped rows, row numbers.
 * Each file here is parsed twice, once through {@link CsvRows} and once through a row source that
 * only hands out string rows, and the two results are compared field by field.
 */
class CsvPlainRowsTest {
  private static final String HEADER = "Артикул;Наименование;Остаток;Цена;Годен до;Опт;Розница;МИЦ\n";

  @Test
  void theUsualRowsAndTheUnusualOnesGiveTheSameFileEitherWay() throws Exception {
    String csv = HEADER
        + "A-1;Чай;5;100;31.12.2026;50,5;120;110\n"
        + "A-2;  Кофе ;7;99.90;;;;\n" // name to strip
        + "125.0;Число;1;1;;;;\n" // a number written with .0
        + " A-3;Пробел;2;2;;;;\n" // SKU to strip
        + "A-1;Чай снова;6;200;01.01.2027;60;;\n" // listed again: summed, first name and prices stay
        + "A-4;Без цены;3;дорого;когда-нибудь;x;;\n" // unreadable price and date: warnings
        + "A-5;Дробь;12,5;1 299,90 руб;2026-12-31;;;\n" // quantity and price by the string rules
        + "A-6;Отрицательное;-3;1;;;;\n" // rejected
        + "A#7;Решётка;1;1;;;;\n" // rejected: '#'
        + ";Итого;100;;;;;\n" // subtotal
        + "Итого;;100;;;;;\n" // subtotal word in the SKU column
        + "Артикул;Наименование;Остаток;Цена;Годен до;Опт;Розница;МИЦ\n" // repeated header
        + "Напитки\n" // section title
        + "A-8;Пусто;;1;;;;\n" // no quantity: rejected
        + "A-9;Много;много;1;;;;\n" // a profile word
        + "A-10;Короткая;4\n" // missing cells
        + "\"A-11\";\"Кавычки; и разделитель\";\"8\";\"15\";;;;\n"
        + "Ж-12;Кириллица;9;1000000000;;;;\n" // price over the plain-money limit: string rules
        + "A-13;Ноль;0;0;46387;;;1\n" // Excel date serial
        + "a".repeat(65) + ";Длинный;1;1;;;;\n" // SKU too long: rejected
        + "A-14;" + "x".repeat(1001) + ";1;1;;;;\n" // cell too long: rejected
        + "A-15;Большое;1234567890;1;;;;\n"; // more than 9 digits: string rules (too large)
    assertSameEitherWay(csv, profile(null, null));
  }

  @Test
  void randomRowsGiveTheSameFileEitherWay() throws Exception {
    Random random = new Random(15);
    String[] skus = {"A-1", "A-2", "125", "125.0", "00124", " B-1", "B-1 ", "итого", "Итого", "ВСЕГО", "to", "Total",
        "su", "Код", "Артикул", "Ж-5", "x#y", "", " ", "\u00A0C-1", "C\u00A01", "SKU-0000001", "sku", "Q", "7",
        "\u0085x", "ёлка", "Ёж", "gr", "Grand total"};
    String[] quantities = {"1", "0", "15", "15.0", "1 234", "12,5", "5 шт", "> 10", "много", "", " ", "-", "—", "abc",
        "-3", "999999999", "1000000000", "0000000001", "007"};
    String[] names = {"Чай", " Чай", "Чай ", "", " ", "\u00A0Кофе", "Кофе\u00A0", "Соль, крупная", "x"};
    String[] prices = {"100", "99.9", "99.90", "99,9", "1 299,90 руб", "₽ 5", "", " ", "дорого", "100000000",
        "99999999.99", "1.234", "0", "-5"};
    String[] dates = {"", "31.12.2026", "2026-12-31", "46387", "когда-нибудь", "31/12/2026", " "};
    Map<String, List<String>> warehouses = new LinkedHashMap<>();
    warehouses.put("w-1", List.of("Склад 1"));
    warehouses.put("w-2", List.of("Склад 2"));
    for (SupplierProfile profile : List.of(profile(null, null), profile(warehouses, "zero"),
        profile(warehouses, "reject"))) {
      StringBuilder csv = new StringBuilder(profile.multiWarehouse()
          ? "Артикул;Наименование;Склад 1;Склад 2;Цена;Годен до;Опт;Розница;МИЦ\n" : HEADER);
      for (int i = 0; i < 3000; i++) {
        List<String> cells = new ArrayList<>();
        cells.add(pick(random, skus) + (random.nextInt(3) == 0 ? "-" + random.nextInt(50) : ""));
        cells.add(pick(random, names));
        cells.add(pick(random, quantities));
        if (profile.multiWarehouse()) {
          cells.add(pick(random, quantities));
        }
        cells.add(pick(random, prices));
        cells.add(pick(random, dates));
        cells.add(pick(random, prices));
        cells.add(pick(random, prices));
        cells.add(pick(random, prices));
        int width = random.nextInt(10) == 0 ? random.nextInt(cells.size()) + 1 : cells.size();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width; c++) {
          String cell = cells.get(c);
          line.append(c == 0 ? "" : ";").append(cell.contains(";") || random.nextInt(20) == 0
              ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append(line).append('\n');
      }
      assertSameEitherWay(csv.toString(), profile);
    }
  }

  /** The typical profile with supplier price columns; {@code warehouses}: one stock column per warehouse. */
  private static SupplierProfile profile(Map<String, List<String>> warehouses, String blank) {
    SupplierProfile.Columns typical = Profiles.columns();
    SupplierProfile.Columns columns = new SupplierProfile.Columns(typical.sku(), typical.quantity(), typical.name(),
        typical.price(), typical.expiresAt(), List.of("Опт"), List.of("Розница"), List.of("МИЦ"));
    return new SupplierProfile("acme", warehouses == null ? "msk-1" : null, null, null, null, null, columns,
        Map.of("много", 50L, "нет", 0L), null, null, warehouses, blank, null).validated();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static void assertSameEitherWay(String csv, SupplierProfile profile) throws IOException {
    List<Rejection> plainRejected = new ArrayList<>();
    List<Rejection> stringRejected = new ArrayList<>();
    ParsedFile plain = new StockFileParser(profile).parse(new CsvRows(new StringReader(csv), ';', "UTF-8"),
        plainRejected::add);
    CsvRows rows = new CsvRows(new StringReader(csv), ';', "UTF-8");
    RowSource strings = new RowSource() {
      @Override
      public SourceRow next() throws IOException {
        return rows.next();
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
    ParsedFile byStrings = new StockFileParser(profile).parse(strings, stringRejected::add);

    assertTrue(plain.dataRows() > 0);
    assertEquals(byStrings.header().rowNumber(), plain.header().rowNumber());
    assertEquals(byStrings.header().quantity(), plain.header().quantity());
    assertArrayEquals(byStrings.header().warehouses(), plain.header().warehouses());
    assertEquals(byStrings.rowsRead(), plain.rowsRead());
    assertEquals(byStrings.dataRows(), plain.dataRows());
    assertEquals(byStrings.skipped(), plain.skipped());
    assertEquals(List.copyOf(byStrings.lines().keySet()), List.copyOf(plain.lines().keySet()));
    assertEquals(new ArrayList<>(byStrings.lines().values()), new ArrayList<>(plain.lines().values()));
    for (String warehouse : byStrings.byWarehouse().keySet()) {
      assertEquals(new ArrayList<>(byStrings.byWarehouse().get(warehouse).values()),
          new ArrayList<>(plain.byWarehouse().get(warehouse).values()), warehouse);
    }
    assertEquals(new ArrayList<>(byStrings.prices().values()), new ArrayList<>(plain.prices().values()));
    assertEquals(byStrings.rejectedCount(), plain.rejectedCount());
    assertEquals(stringRejected, plainRejected);
    assertEquals(byStrings.rejectedSample(), plain.rejectedSample());
    assertEquals(byStrings.warningCount(), plain.warningCount());
    assertEquals(byStrings.warningSample(), plain.warningSample());
  }
}
