package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeops.stockimport.core.OneCWorkbooks.Line;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Legacy .xls files from 1C through the real reader: two-row header, three warehouses, prices, bad files. */
class XlsRowsTest {
  @TempDir
  Path dir;

  static SupplierProfile profile(String extra) throws IOException {
    return new ObjectMapper().readValue(OneCWorkbooks.profileJson("acme", extra), SupplierProfile.class).validated();
  }

  private ParsedFile read(Path file, SupplierProfile profile, List<Rejection> rejected) throws IOException {
    StockFileParser parser = new StockFileParser(profile);
    FileReaders.Opened opened = FileReaders.open(file, file.getFileName().toString(), profile, parser.detector());
    assertEquals("xls", opened.format());
    try (RowSource rows = opened.rows()) {
      return parser.parse(rows, rejected::add);
    }
  }

  @ParameterizedTest(name = "header cells merged down = {0}")
  @ValueSource(booleans = {false, true})
  void a1cSheetWithATwoRowHeaderFillsThreeWarehousesAndKeepsThePrices(boolean repeated) throws Exception {
    Path file = OneCWorkbooks.write(dir.resolve("прайс.xls"), repeated,
        new Line("00124", 123, "Чай зелёный", 100.5, 180, 150, 12, 0, 5),
        new Line(125, 124, "Кофе", 300, 450, 420, "1 234", 7, "-"),
        new Line(126.0, 127, "Какао", "1 299,90", 1500, 1400, "1 234", 7, 0),
        new Line("A-7", 125, "Сахар", null, null, null, 1, 2, 3),
        new Line("A-8", 126, "Соль", 10, 20, 15, "abc", 2, 3));
    List<Rejection> rejected = new ArrayList<>();
    ParsedFile parsed = read(file, profile(""), rejected);

    assertEquals(3, parsed.header().rowNumber());
    assertEquals(2, parsed.header().rows());
    assertEquals(List.of("c-1", "s-1", "t-1"), List.copyOf(parsed.byWarehouse().keySet()));
    assertEquals(List.of("00124", "126", "A-7"), List.copyOf(parsed.lines().keySet()));
    assertEquals(1234, parsed.byWarehouse().get("c-1").get("126").quantity());
    assertEquals(new PriceLine("126", 129990L, 150000L, 140000L, 7), parsed.prices().get("126"));
    assertEquals(12, parsed.byWarehouse().get("c-1").get("00124").quantity());
    assertEquals(0, parsed.byWarehouse().get("s-1").get("00124").quantity());
    assertEquals(5, parsed.byWarehouse().get("t-1").get("00124").quantity());
    assertEquals(3, parsed.byWarehouse().get("t-1").get("A-7").quantity());
    assertEquals(new PriceLine("00124", 10050L, 18000L, 15000L, 5), parsed.prices().get("00124"));
    assertNull(parsed.prices().get("125"));
    assertNull(parsed.prices().get("A-7"));

    // the dash in Тольятти (blank: reject by default) and the unreadable stock: rejected with SKU and value
    assertEquals(2, rejected.size());
    assertEquals("125", rejected.get(0).sku());
    assertTrue(rejected.get(0).reason().startsWith("warehouse t-1: "), rejected.get(0).reason());
    assertEquals(Map.of("Тольятти опт(АХ) / Остаток", "-"), rejected.get(0).values());
    assertEquals("A-8", rejected.get(1).sku());
    assertEquals(9, rejected.get(1).row());
    assertEquals(Map.of("Центр. Склад / Остаток", "abc"), rejected.get(1).values());
  }

  @Test
  void blankZeroReadsADashAsNoneInThatWarehouseAndNumericCodesKeepTheirZeros() throws Exception {
    Path file = OneCWorkbooks.write(dir.resolve("b.xls"), false,
        new Line(125, 124, "Кофе", 300, 450, 420, 4, 7, "-"),
        new Line(125.0, 124, "Кофе", 300, 450, 420, 1, null, " "));
    ParsedFile parsed = read(file, profile(", \"blank\": \"zero\""), new ArrayList<>());
    assertEquals(5, parsed.byWarehouse().get("c-1").get("125").quantity());
    assertEquals(7, parsed.byWarehouse().get("s-1").get("125").quantity());
    assertEquals(0, parsed.byWarehouse().get("t-1").get("125").quantity());

    SupplierProfile byCode = new ObjectMapper().readValue(OneCWorkbooks.profileJson("acme", ", \"blank\": \"zero\"")
        .replace("\"sku\": [\"Артикул\"]", "\"sku\": [\"Код 1С\"]"), SupplierProfile.class).validated();
    ParsedFile codes = read(file, byCode, new ArrayList<>());
    assertEquals(List.of("00000124"), List.copyOf(codes.lines().keySet()));
  }

  @Test
  void aMissingWarehouseColumnOrSheetQuarantinesTheFile() throws Exception {
    Path file = OneCWorkbooks.write(dir.resolve("m.xls"), false, new Line("A", 1, "x", 1, 1, 1, 1, 1, 1));
    SupplierProfile fourth = new ObjectMapper().readValue(OneCWorkbooks.profileJson("acme", "")
        .replace("\"t-1\":", "\"p-1\": [\"Пенза / Остаток\"], \"t-1\":"), SupplierProfile.class).validated();
    BadInputException e = assertThrows(BadInputException.class, () -> read(file, fourth, new ArrayList<>()));
    assertTrue(e.getMessage().contains("no column for warehouse p-1"), e.getMessage());

    SupplierProfile other = new ObjectMapper().readValue(OneCWorkbooks.profileJson("acme", "")
        .replace("TDSheet", "Лист1"), SupplierProfile.class).validated();
    e = assertThrows(BadInputException.class, () -> read(file, other, new ArrayList<>()));
    assertEquals("the workbook has no sheet named 'Лист1'", e.getMessage());
  }

  @Test
  void badXlsFilesAreRefusedWithAReason() throws Exception {
    SupplierProfile profile = profile("");
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    Path broken = Files.write(dir.resolve("broken.xls"), ole2);
    assertTrue(assertThrows(BadInputException.class, () -> read(broken, profile, new ArrayList<>())).getMessage()
        .startsWith("not a readable .xls workbook"));

    Path text = Files.write(dir.resolve("renamed.xls"), "Артикул;Остаток\n1;2\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(assertThrows(BadInputException.class, () -> read(text, profile, new ArrayList<>())).getMessage()
        .contains("is not an Excel 97-2003 (OLE2) workbook"));

    Path truncated = dir.resolve("truncated.xls");
    byte[] whole = Files.readAllBytes(OneCWorkbooks.write(dir.resolve("whole.xls"), false,
        new Line("A", 1, "x", 1, 1, 1, 1, 1, 1)));
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThrows(BadInputException.class, () -> read(truncated, profile, new ArrayList<>()));

    Path locked = dir.resolve("locked.xls");
    Biff8EncryptionKey.setCurrentUserPassword("secret");
    try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(locked)) {
      wb.createSheet("TDSheet").createRow(0).createCell(0).setCellValue("Артикул");
      wb.writeProtectWorkbook("secret", "owner");
      wb.write(out);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    assertThrows(BadInputException.class, () -> read(locked, profile, new ArrayList<>()));
  }
}
