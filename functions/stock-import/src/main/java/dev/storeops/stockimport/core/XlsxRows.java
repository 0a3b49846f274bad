package dev.storeops.stockimport.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * XLSX rows streamed by fastexcel-reader (StAX over the sheet's XML: one row in memory; shared
 * strings are the only workbook-wide table it keeps). Check the file with {@link ZipGuard} first.
 */
public final class XlsxRows implements RowSource {
  /** Cells right of this column are ignored. */
  public static final int MAX_COLUMNS = 256;

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;

  public XlsxRows(Path file, String sheetName) throws IOException {
    this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
    try {
      Sheet sheet;
      if (sheetName == null) {
        sheet = workbook.getFirstSheet();
      } else {
        sheet = workbook.findSheet(sheetName).orElseThrow(() -> new BadInputException(
            "the workbook has no sheet named '" + sheetName + "'"));
      }
      this.stream = sheet.openStream();
      this.rows = stream.iterator();
    } catch (IOException | RuntimeException e) {
      workbook.close();
      throw e;
    }
  }

  @Override
  public SourceRow next() throws IOException {
    try {
      if (!rows.hasNext()) {
        return null;
      }
      Row row = rows.next();
      int width = Math.min(row.getCellCount(), MAX_COLUMNS);
      List<String> cells = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        cells.add(text(row.getCell(i)));
      }
      return new SourceRow(row.getRowNum(), cells);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String text(Cell cell) {
    if (cell == null || cell.getValue() == null) {
      return null;
    }
    Object value = cell.getValue();
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      workbook.close();
    }
  }
}
