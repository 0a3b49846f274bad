package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XML external entities in a supplier's XLSX: refused before parsing, and never expanded by the reader either. */
class XxeTest {
  @TempDir
  Path dir;

  private static String passwdLine() throws Exception {
    return Files.readAllLines(Path.of("/etc/passwd")).get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-16"})
  void aWorkbookWhosePartDeclaresADoctypeIsRefusedByTheGuard(String encoding) throws Exception {
    Path file = dir.resolve("stock-" + encoding + ".xlsx");
    Files.write(file, XxeWorkbooks.sharedStringsWithExternalEntity("SKU-1", encoding));
    BadInputException e = assertThrows(BadInputException.class, () -> ZipGuard.check(file, ZipGuard.DEFAULT));
    assertEquals("XLSX part xl/sharedStrings.xml declares a DOCTYPE (DTDs and external entities are not allowed"
        + " in a workbook)", e.getMessage());
    assertFalse(e.getMessage().contains(passwdLine()));
  }

  @Test
  void aDoctypeSplitAcrossTwoReadsIsFoundToo() throws Exception {
    // pad the shared strings so that "<!DOCTYPE" straddles the guard's 64 KiB read buffer
    byte[] xlsx = XxeWorkbooks.rewrite(XxeWorkbooks.sharedStringsWithExternalEntity("SKU-1", "UTF-8"),
        "xl/sharedStrings.xml", xml -> {
          int at = xml.indexOf("<!DOCTYPE");
          return xml.substring(0, at) + "<!--" + "x".repeat(64 * 1024 - at - 4 - 4) + "-->" + xml.substring(at);
        }, "UTF-8");
    Path file = dir.resolve("split.xlsx");
    Files.write(file, xlsx);
    assertThrows(BadInputException.class, () -> ZipGuard.check(file, ZipGuard.DEFAULT));
  }

  @Test
  void theReaderItselfNeverExpandsTheEntity() throws Exception {
    // second layer: even without the guard, the workbook reader does not read /etc/passwd
    Path file = dir.resolve("stock.xlsx");
    Files.write(file, XxeWorkbooks.sharedStringsWithExternalEntity("SKU-1", "UTF-8"));
    List<String> cells = new ArrayList<>();
    String failure = null;
    try (XlsxRows rows = new XlsxRows(file, null)) {
      SourceRow row;
      while ((row = rows.next()) != null) {
        row.cells().forEach(c -> cells.add(String.valueOf(c)));
      }
    } catch (Exception e) {
      failure = String.valueOf(e.getMessage());
    }
    String line = passwdLine();
    assertTrue(cells.stream().noneMatch(c -> c.contains(line) || c.contains("root:")), cells.toString());
    assertTrue(failure == null || !failure.contains(line), failure);
  }

  @Test
  void theSameWorkbookWithoutTheDoctypePassesTheGuardAndReads() throws Exception {
    Path file = dir.resolve("plain.xlsx");
    Files.write(file, XxeWorkbooks.rewrite(XxeWorkbooks.sharedStringsWithExternalEntity("SKU-1", "UTF-8"),
        "xl/sharedStrings.xml", xml -> xml.replaceAll("<!DOCTYPE[^>]*>]>", "").replace("&e;", "text"), "UTF-8"));
    ZipGuard.check(file, ZipGuard.DEFAULT);
    List<List<String>> read = new ArrayList<>();
    try (XlsxRows rows = new XlsxRows(file, null)) {
      SourceRow row;
      while ((row = rows.next()) != null) {
        read.add(row.cells());
      }
    }
    assertEquals(List.of(List.of("Артикул", "Остаток"), List.of("text", "5"), List.of("SKU-1", "7")), read);
  }
}
