package dev.storeops.stockimport.core;

import static dev.storeops.stockimport.core.Rows.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockFileParserTest {
  private final StockFileParser parser = new StockFileParser(Profiles.profile());

  @Test
  void parsesAMessySupplierList() throws Exception {
    List<Rejection> sink = new ArrayList<>();
    ParsedFile file = parser.parse(new Rows(
        r("Остатки товаров ООО «Ромашка»"),
        r(""),
        r("Код товара", "Наименование", "Остаток", "Цена", "Годен до"),
        r("Напитки"),
        r("00124", "Чай зелёный", "1 234", "1 299,90 руб", "31.12.2026"),
        r("125.0", "Кофе", "> 10", "500", "2027-01-15"),
        r("126", "Сахар", "много", "", ""),
        r("127", "Соль", "abc", "10", ""),
        r("128", "Перец", "-3", "10", ""),
        r("", "Итого", "1 300", "", ""),
        r("Код товара", "Наименование", "Остаток", "Цена", "Годен до"),
        r("00124", "Чай зелёный", "6 шт", "1 299,90 руб", "31.12.2026"),
        r("129", "Мука", "", "", ""),
        r("130", "Рис", "7", "дорого", "когда-нибудь"),
        r("Всего позиций: 6"),
        r("", "", "", "", "")), sink::add);

    assertEquals(3, file.header().rowNumber());
    assertEquals(16, file.rowsRead());
    assertEquals(List.of("00124", "125", "126", "130"), List.copyOf(file.lines().keySet()));
    FileLine tea = file.lines().get("00124");
    assertEquals(1240, tea.quantity());
    assertEquals("Чай зелёный", tea.name());
    assertEquals(129990L, tea.priceMinor());
    assertEquals("2026-12-31", tea.expiresAt());
    assertEquals(10, file.lines().get("125").quantity());
    assertEquals("2027-01-15", file.lines().get("125").expiresAt());
    assertEquals(50, file.lines().get("126").quantity());
    assertNull(file.lines().get("130").priceMinor());
    assertNull(file.lines().get("130").expiresAt());

    assertEquals(3, file.rejectedCount());
    assertEquals(List.of(8L, 9L, 13L), sink.stream().map(Rejection::row).toList());
    assertTrue(sink.get(0).reason().contains("not readable"));
    assertTrue(sink.get(1).reason().startsWith("negative quantity"));
    assertEquals("quantity is empty", sink.get(2).reason());
    assertEquals(List.of("127", "Соль", "abc", "10", ""), sink.get(0).cells());

    assertEquals(3, file.warningCount(), file.warningSample().toString());
    assertTrue(file.warningSample().get(0).contains("SKU 00124 is listed again"), file.warningSample().toString());
    assertEquals(1L, file.skipped().get("repeatedHeader"));
    assertEquals(2L, file.skipped().get("subtotal"), file.skipped().toString());
    assertEquals(1L, file.skipped().get("blank"));
    assertEquals(3L, file.skipped().get("title"));
  }

  @Test
  void numericCellsLoseTheirFractionButTextKeepsLeadingZeros() throws Exception {
    ParsedFile file = parser.parse(new Rows(r("SKU", "Qty"), r("125.0", "1"), r("00125", "2"), r("45.5", "3")),
        RejectSink.NONE);
    assertEquals(List.of("125", "00125", "45.5"), List.copyOf(file.lines().keySet()));
  }

  @Test
  void anExcelDateSerialIsADate() throws Exception {
    ParsedFile file = parser.parse(new Rows(r("SKU", "Qty", "Годен до"), r("1", "1", "46387")), RejectSink.NONE);
    assertEquals("2026-12-31", file.lines().get("1").expiresAt());
  }

  @Test
  void aHugeCellRejectsTheRowNotTheFile() throws Exception {
    List<Rejection> sink = new ArrayList<>();
    ParsedFile file = parser.parse(new Rows(r("SKU", "Qty", "Товар"), r("1", "1", "x".repeat(100_000)),
        r("2", "2", "ok")), sink::add);
    assertEquals(List.of("2"), List.copyOf(file.lines().keySet()));
    assertTrue(sink.get(0).reason().contains("100000 characters"), sink.get(0).reason());
    assertTrue(sink.get(0).cells().get(2).length() < 300);
  }

  @Test
  void noHeaderIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> parser.parse(new Rows(r("a", "b"), r("1", "2")), RejectSink.NONE));
    assertTrue(e.getMessage().startsWith("no header row found"));
  }
}
