package dev.storeops.stockimport.core;

import static dev.storeops.stockimport.core.Rows.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderDetectorTest {
  private final HeaderDetector detector = new HeaderDetector(Profiles.columns());

  @Test
  void findsTheHeaderBelowTitleRowsCaseAndSpaceInsensitive() {
    Header h = detector.detect(Rows.list(
        r("ООО «Поставщик»", "", ""),
        r("Остатки на 23.11.2026"),
        r(),
        r("№", "  КОД   ТОВАРА ", "товар", "ОСТАТОК:", "Цена, руб."),
        r("1", "100", "Чай", "5", "10"))).orElseThrow();
    assertEquals(4, h.rowNumber());
    assertEquals(1, h.rows());
    assertEquals(1, h.sku());
    assertEquals(3, h.quantity());
    assertEquals(2, h.name());
    assertEquals(4, h.price());
    assertEquals(-1, h.expiresAt());
  }

  @Test
  void readsATwoRowHeaderUnderMergedCells() {
    // "Остаток" is merged over two columns; "Артикул" and "Наименование" are merged down over two rows
    HeaderDetector byCity = new HeaderDetector(new SupplierProfile.Columns(List.of("артикул"),
        List.of("остаток спб"), List.of("наименование"), null, null));
    Header h = byCity.detect(Rows.list(
        r("Прайс-лист"),
        r("Артикул", "Наименование", "Остаток", "", "Цена"),
        r("", "", "Москва", "СПб", ""),
        r("A1", "Чай", "5", "7", "100"))).orElseThrow();
    assertEquals(2, h.rowNumber());
    assertEquals(2, h.rows());
    assertEquals(0, h.sku());
    assertEquals(3, h.quantity());
    assertEquals(1, h.name());
  }

  @Test
  void aSecondHeaderLineIsConsumedEvenWhenTheFirstLineMatchesAlone() {
    Header h = detector.detect(Rows.list(
        r("Артикул", "Наименование", "Остаток", ""),
        r("", "", "Москва", "СПб"),
        r("A1", "Чай", "5", "7"))).orElseThrow();
    assertEquals(2, h.rows());
    assertEquals(2, h.quantity());
  }

  @Test
  void onlyLooksAtTheFirst30Rows() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(r("title " + i));
    }
    rows.add(r("Артикул", "Остаток"));
    assertTrue(detector.detect(Rows.list(rows.toArray(String[][]::new))).isEmpty());
    rows.remove(0);
    assertTrue(detector.detect(Rows.list(rows.toArray(String[][]::new))).isPresent());
  }
}
