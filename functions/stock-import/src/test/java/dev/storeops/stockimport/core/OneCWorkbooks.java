package dev.storeops.stockimport.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Test helper: legacy .xls (BIFF8) workbooks as 1C exports them — sheet {@code TDSheet}, a title
 * row, a two-row header (row 1 group names {@code Опт}, {@code Розничная}, {@code МИЦ} and the
 * warehouses; row 2 {@code Цена}/{@code Остаток}; {@code Артикул}, {@code Код 1С} and {@code
 * Наименование} merged down over both rows), written with POI's HSSF usermodel.
 */
public final class OneCWorkbooks {
  public static final String[] WAREHOUSE_NAMES = {"Центр. Склад", "Саранск опт", "Тольятти опт(АХ)"};

  private OneCWorkbooks() {}

  /** A data row: SKU (a String, or a Number for a numeric cell), 1C code, name, three prices, three stocks. */
  public record Line(Object sku, long code, String name, Object purchase, Object retail, Object minRetail,
      Object centre, Object saransk, Object togliatti) {}

  /** The profile that reads these workbooks into warehouses {@code c-1}, {@code s-1}, {@code t-1}. */
  public static String profileJson(String supplierId, String extra) {
    return """
        {"supplierId": "%s", "sheet": "TDSheet",
         "warehouseColumns": {"c-1": ["Центр. Склад / Остаток"], "s-1": ["Саранск опт / Остаток"],
                              "t-1": ["Тольятти опт(АХ) / Остаток"]},
         "columns": {"sku": ["Артикул"], "name": ["Наименование"], "purchasePrice": ["Опт / Цена"],
                     "retailPrice": ["Розничная / Цена"], "minRetailPrice": ["МИЦ / Цена"]}%s}
        """.formatted(supplierId, extra);
  }

  /**
   * Writes the workbook. {@code repeated}: the upper header cells of {@code Артикул}…{@code
   * Наименование} are repeated in row 2 instead of merged down.
   */
  public static Path write(Path file, boolean repeated, Line... lines) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      wb.createSheet("Справка");
      HSSFSheet sheet = wb.createSheet("TDSheet");
      HSSFCellStyle padded = wb.createCellStyle();
      padded.setDataFormat(wb.createDataFormat().getFormat("00000000"));
      sheet.createRow(0).createCell(0).setCellValue("Прайс-лист на 30.11.2026");
      String[] top = {"Артикул", "Код 1С", "Наименование", "Опт", "Розничная", "МИЦ", WAREHOUSE_NAMES[0],
          WAREHOUSE_NAMES[1], WAREHOUSE_NAMES[2]};
      String[] bottom = {repeated ? "Артикул" : null, repeated ? "Код 1С" : null, repeated ? "Наименование" : null,
          "Цена", "Цена", "Цена", "Остаток", "Остаток", "Остаток"};
      HSSFRow r1 = sheet.createRow(2);
      HSSFRow r2 = sheet.createRow(3);
      for (int c = 0; c < top.length; c++) {
        r1.createCell(c).setCellValue(top[c]);
        if (bottom[c] != null) {
          r2.createCell(c).setCellValue(bottom[c]);
        }
      }
      if (!repeated) {
        for (int c = 0; c < 3; c++) {
          sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
        }
      }
      int n = 4;
      for (Line line : lines) {
        HSSFRow row = sheet.createRow(n++);
        set(row, 0, line.sku());
        row.createCell(1).setCellValue(line.code());
        row.getCell(1).setCellStyle(padded);
        set(row, 2, line.name());
        Object[] rest = {line.purchase(), line.retail(), line.minRetail(), line.centre(), line.saransk(),
            line.togliatti()};
        for (int i = 0; i < rest.length; i++) {
          set(row, 3 + i, rest[i]);
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    return file;
  }

  private static void set(HSSFRow row, int column, Object value) {
    if (value instanceof Number number) {
      row.createCell(column).setCellValue(number.doubleValue());
    } else if (value != null) {
      row.createCell(column).setCellValue(value.toString());
    }
  }
}
