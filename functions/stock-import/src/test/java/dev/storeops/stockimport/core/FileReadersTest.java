package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files on disk through the real readers: encodings, delimiters, XLSX and every kind of bad input. */
class FileReadersTest {
  @TempDir
  Path dir;

  private static final String CSV = """
      Остатки на складе;;
      Артикул;Наименование;Остаток
      00124;Чай "Весна";1 234
      125.0;Кофе;> 10
      """;

  private ParsedFile read(Path file, SupplierProfile profile) throws IOException {
    StockFileParser parser = new StockFileParser(profile);
    FileReaders.Opened opened = FileReaders.open(file, file.getFileName().toString(), profile, parser.detector());
    try (RowSource rows = opened.rows()) {
      return parser.parse(rows, RejectSink.NONE);
    }
  }

  private static SupplierProfile profile(String encoding, String delimiter, String format) {
    return new SupplierProfile("acme", "msk-1", format, encoding, delimiter, null, Profiles.columns(), Map.of(),
        null, null).validated();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private void assertTeaAndCoffee(ParsedFile file) {
    assertEquals(1234, file.lines().get("00124").quantity());
    assertEquals(10, file.lines().get("125").quantity());
    assertEquals("Чай \"Весна\"", file.lines().get("00124").name());
  }

  @Test
  void detectsUtf8Utf8BomAndWindows1251() throws Exception {
    SupplierProfile auto = Profiles.profile();
    byte[] body = CSV.replace("Чай \"Весна\"", "\"Чай \"\"Весна\"\"\"").getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    assertTeaAndCoffee(read(write("utf8.csv", body), auto));
    assertTeaAndCoffee(read(write("bom.csv", bom), auto));
    Path cp1251 = write("cp1251.csv", CSV.replace("Чай \"Весна\"", "\"Чай \"\"Весна\"\"\"")
        .getBytes(Charset.forName("windows-1251")));
    assertTeaAndCoffee(read(cp1251, auto));
    assertTeaAndCoffee(read(cp1251, profile("windows-1251", ";", "csv")));
  }

  @Test
  void detectsTheDelimiter() throws Exception {
    for (String d : List.of(";", ",", "\t", "|")) {
      String text = "Артикул" + d + "Наименование" + d + "Остаток\n00124" + d + "\"Чай \"\"Весна\"\"\"" + d
          + "\"1 234\"\n125.0" + d + "Кофе" + d + "> 10\n";
      assertTeaAndCoffee(read(write("d.csv", text.getBytes(StandardCharsets.UTF_8)), Profiles.profile()));
    }
  }

  @Test
  void aFileInAnotherEncodingThanTheProfileSaysIsRefused() throws Exception {
    Path cp1251 = write("a.csv", CSV.getBytes(Charset.forName("windows-1251")));
    BadInputException e = assertThrows(BadInputException.class, () -> read(cp1251, profile("UTF-8", "auto", "auto")));
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    Path utf8 = write("b.csv", CSV.getBytes(StandardCharsets.UTF_8));
    e = assertThrows(BadInputException.class, () -> read(utf8, profile("windows-1251", "auto", "auto")));
    assertTrue(e.getMessage().contains("UTF-8 although the profile says windows-1251"), e.getMessage());
  }

  @Test
  void invalidUtf8AfterTheSampleIsRefusedNotMisread() throws Exception {
    StringBuilder ascii = new StringBuilder("SKU;Qty\n");
    for (int i = 0; i < 20_000; i++) {
      ascii.append(i).append(";1\n");
    }
    byte[] head = ascii.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = "99999;Чай\n".getBytes(Charset.forName("windows-1251"));
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    Path file = write("late.csv", all);
    BadInputException e = assertThrows(BadInputException.class, () -> read(file, profile("UTF-8", ";", "csv")));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }

  @Test
  void readsAnXlsxWithTitleRowsAndATwoRowHeaderUnderMergedCells() throws Exception {
    Path file = dir.resolve("stock.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      wb.newWorksheet("Инфо").value(0, 0, "не тот лист");
      Worksheet ws = wb.newWorksheet("Остатки");
      ws.value(0, 0, "ООО «Поставщик» — остатки на 23.11.2026");
      ws.range(0, 0, 0, 4).merge();
      ws.value(2, 0, "Артикул");
      ws.range(2, 0, 3, 0).merge();
      ws.value(2, 1, "Наименование");
      ws.range(2, 1, 3, 1).merge();
      ws.value(2, 2, "Остаток");
      ws.range(2, 2, 2, 3).merge();
      ws.value(3, 2, "Москва");
      ws.value(3, 3, "СПб");
      ws.value(2, 4, "Цена");
      ws.range(2, 4, 3, 4).merge();
      ws.value(4, 0, 125.0);
      ws.value(4, 1, "Кофе");
      ws.value(4, 2, 15.0);
      ws.value(4, 3, 2);
      ws.value(4, 4, 499.9);
      ws.value(5, 0, "00124");
      ws.value(5, 1, "Чай");
      ws.value(5, 2, "более 10");
      ws.value(5, 3, 0);
      ws.value(5, 4, "1 299,00");
      ws.value(6, 1, "Итого");
      ws.value(6, 2, 25);
      wb.finish();
    }
    SupplierProfile spb = new SupplierProfile("acme", "spb-1", "auto", "auto", "auto", "Остатки",
        new SupplierProfile.Columns(List.of("артикул"), List.of("остаток спб"), List.of("наименование"),
            List.of("цена"), null), Map.of(), null, null).validated();
    ParsedFile file2 = read(file, spb);
    assertEquals(3, file2.header().rowNumber());
    assertEquals(2, file2.header().rows());
    assertEquals(List.of("125", "00124"), List.copyOf(file2.lines().keySet()));
    assertEquals(2, file2.lines().get("125").quantity());
    assertEquals(49990L, file2.lines().get("125").priceMinor());
    assertEquals(129900L, file2.lines().get("00124").priceMinor());
    assertEquals(1L, file2.skipped().get("subtotal"));

    SupplierProfile msk = new SupplierProfile("acme", "msk-1", "xlsx", null, null, "Остатки", Profiles.columns(),
        Map.of(), null, null).validated();
    ParsedFile moscow = read(file, msk);
    assertEquals(15, moscow.lines().get("125").quantity());
    assertEquals(10, moscow.lines().get("00124").quantity());

    SupplierProfile wrongSheet = new SupplierProfile("acme", "msk-1", "xlsx", null, null, "Нет такого",
        Profiles.columns(), Map.of(), null, null).validated();
    assertTrue(assertThrows(BadInputException.class, () -> read(file, wrongSheet)).getMessage()
        .contains("no sheet named"));
  }

  @Test
  void randomBinaryNamedXlsxIsRefused() throws Exception {
    byte[] random = new byte[4096];
    new Random(1).nextBytes(random);
    random[0] = 1;
    Path file = write("stock.xlsx", random);
    BadInputException e = assertThrows(BadInputException.class, () -> read(file, Profiles.profile()));
    assertTrue(e.getMessage().contains("not an XLSX"), e.getMessage());
    // the same bytes with a ZIP signature: a broken archive
    random[0] = 'P';
    random[1] = 'K';
    random[2] = 3;
    random[3] = 4;
    Path zipLike = write("stock2.xlsx", random);
    e = assertThrows(BadInputException.class, () -> read(zipLike, Profiles.profile()));
    assertTrue(e.getMessage().contains("not a readable XLSX"), e.getMessage());
    // random binary named .csv
    random[0] = 0;
    Path csv = write("stock.csv", random);
    e = assertThrows(BadInputException.class, () -> read(csv, Profiles.profile()));
    assertTrue(e.getMessage().contains("binary"), e.getMessage());
  }

  @Test
  void aZipBombIsRefusedBeforeItIsOpened() throws Exception {
    Path bomb = dir.resolve("bomb.xlsx");
    byte[] zeros = new byte[1 << 20];
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      for (int i = 0; i < 120; i++) {
        zip.write(zeros);
      }
    }
    assertTrue(Files.size(bomb) < 1 << 20);
    BadInputException e = assertThrows(BadInputException.class, () -> read(bomb, Profiles.profile()));
    assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void emptyFileLegacyXlsAndWrongFormatAreRefused() throws Exception {
    assertTrue(assertThrows(BadInputException.class, () -> read(write("e.csv", new byte[0]), Profiles.profile()))
        .getMessage().contains("empty"));
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    assertTrue(assertThrows(BadInputException.class, () -> read(write("old.xls", ole2), Profiles.profile()))
        .getMessage().contains(".xls"));
    Path csv = write("x.csv", CSV.getBytes(StandardCharsets.UTF_8));
    assertTrue(assertThrows(BadInputException.class, () -> read(csv, profile("auto", "auto", "xlsx")))
        .getMessage().contains("not an XLSX"));
  }

  @Test
  void aRowOf100000CharactersIsRejectedAndAnEndlessRowRefusesTheFile() throws Exception {
    String text = "Артикул;Наименование;Остаток\n1;" + "я".repeat(100_000) + ";5\n2;Чай;3\n";
    List<Rejection> rejected = new ArrayList<>();
    StockFileParser parser = new StockFileParser(Profiles.profile());
    Path file = write("long.csv", text.getBytes(StandardCharsets.UTF_8));
    FileReaders.Opened opened = FileReaders.open(file, "long.csv", Profiles.profile(), parser.detector());
    ParsedFile parsed;
    try (RowSource rows = opened.rows()) {
      parsed = parser.parse(rows, rejected::add);
    }
    assertEquals(List.of("2"), List.copyOf(parsed.lines().keySet()));
    assertEquals(2L, rejected.get(0).row());

    String endless = "Артикул;Наименование;Остаток\n1;\"" + "x".repeat(CsvRows.MAX_RECORD_CHARS + 10) + "\";5\n";
    Path big = write("endless.csv", endless.getBytes(StandardCharsets.UTF_8));
    BadInputException e = assertThrows(BadInputException.class, () -> read(big, Profiles.profile()));
    assertTrue(e.getMessage().startsWith("CSV not readable"), e.getMessage());
  }
}
