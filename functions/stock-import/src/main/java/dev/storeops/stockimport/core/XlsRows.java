package dev.storeops.stockimport.core;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;

/**
 * Legacy Excel 97–2003 (.xls, BIFF8) rows pulled record by record from the workbook stream with
 * Apache POI's record reader ({@link RecordFactoryInputStream}: the event API's pull form; no
 * usermodel, no workbook in memory). The OLE2 container is read from the file on {@code /tmp}
 * (read-only, file-backed); what is held is the current row, the shared-strings table (bounded,
 * like XLSX's, by {@link #MAX_SHARED_STRINGS}) and the number formats (for zero-padded SKUs).
 * Numeric cells are written in plain decimal notation without {@code .0}; a number formatted
 * {@code 00000} keeps its leading zeros.
 */
public final class XlsRows implements RowSource {
  /** At most this many strings in the workbook's shared-strings table. */
  public static final int MAX_SHARED_STRINGS = 5_000_000;

  private final POIFSFileSystem fs;
  private final InputStream stream;
  private final RecordFactoryInputStream records;
  private final Map<Integer, String> formats = new HashMap<>();
  private final List<Integer> xfFormat = new ArrayList<>();
  private SSTRecord sst;
  private boolean inSheet;
  private boolean done;
  private int depth;
  private int currentRow = -1;
  private String[] cells = new String[16];
  private int width;
  private FormulaRecord pendingString;

  public XlsRows(Path file, String sheetName) throws IOException {
    try {
      this.fs = new POIFSFileSystem(file.toFile(), true);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("not a readable .xls workbook: " + e.getMessage(), e);
    }
    try {
      DirectoryNode root = fs.getRoot();
      String name = null;
      for (String candidate : new String[] {"Workbook", "WORKBOOK", "BOOK"}) {
        if (root.hasEntry(candidate)) {
          name = candidate;
          break;
        }
      }
      if (name == null) {
        if (root.hasEntry("Book")) {
          throw new BadInputException("an Excel 5.0/95 workbook (BIFF5) is not supported: save it as .xlsx or CSV");
        }
        if (root.hasEntry("EncryptedPackage")) {
          throw new BadInputException("the workbook is password-protected: save it without a password");
        }
        throw new BadInputException("an OLE2 file that is not an Excel workbook: save it as .xlsx or CSV");
      }
      this.stream = root.createDocumentInputStream(name);
      this.records = new RecordFactoryInputStream(stream, false);
      openSheet(sheetName);
    } catch (BadInputException e) {
      fs.close();
      throw e;
    } catch (EncryptedDocumentException e) {
      fs.close();
      throw new BadInputException("the workbook is password-protected: save it without a password", e);
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw new BadInputException("not a readable .xls workbook: " + e.getMessage(), e);
    }
  }

  /** Reads the workbook globals (sheet names, formats, shared strings) up to the wanted sheet's BOF. */
  private void openSheet(String sheetName) {
    List<BoundSheetRecord> sheets = new ArrayList<>();
    Record r;
    boolean globals = true;
    int wanted = -1;
    int sheetIndex = -1;
    while ((r = records.nextRecord()) != null) {
      if (r instanceof BOFRecord bof) {
        depth++;
        if (!globals && depth == 1) {
          sheetIndex++;
          if (sheetIndex == wanted && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
            inSheet = true;
            return;
          }
        }
        continue;
      }
      if (r instanceof EOFRecord) {
        depth--;
        if (globals && depth == 0) {
          globals = false;
          BoundSheetRecord[] ordered = BoundSheetRecord.orderByBofPosition(sheets);
          for (int i = 0; i < ordered.length && wanted < 0; i++) {
            if (sheetName == null ? !ordered[i].isHidden() && !ordered[i].isVeryHidden()
                : ordered[i].getSheetname().equalsIgnoreCase(sheetName.strip())) {
              wanted = i;
            }
          }
          if (wanted < 0) {
            throw new BadInputException(sheetName == null ? "the workbook has no visible sheet"
                : "the workbook has no sheet named '" + sheetName + "'");
          }
        }
        continue;
      }
      if (!globals) {
        continue;
      }
      if (r instanceof BoundSheetRecord b) {
        sheets.add(b);
      } else if (r instanceof FormatRecord f) {
        formats.put(f.getIndexCode(), f.getFormatString());
      } else if (r instanceof ExtendedFormatRecord xf) {
        xfFormat.add((int) xf.getFormatIndex());
      } else if (r instanceof SSTRecord s) {
        if (s.getNumUniqueStrings() > MAX_SHARED_STRINGS) {
          throw new BadInputException("the workbook has " + s.getNumUniqueStrings() + " shared strings (limit "
              + MAX_SHARED_STRINGS + ")");
        }
        sst = s;
      }
    }
    throw new BadInputException("the workbook's sheet data is missing (truncated .xls?)");
  }

  @Override
  public SourceRow next() throws IOException {
    if (done) {
      return null;
    }
    try {
      Record r;
      while ((r = records.nextRecord()) != null) {
        if (r instanceof BOFRecord) {
          depth++;
          continue;
        }
        if (r instanceof EOFRecord) {
          depth--;
          if (depth == 0) {
            done = true;
            return flush(-1);
          }
          continue;
        }
        if (depth != 1) {
          continue; // an embedded chart's records
        }
        if (r instanceof StringRecord s && pendingString != null) {
          FormulaRecord f = pendingString;
          pendingString = null;
          SourceRow row = put(f.getRow(), f.getColumn(), s.getString());
          if (row != null) {
            return row;
          }
          continue;
        }
        if (!(r instanceof CellValueRecordInterface cell)) {
          continue;
        }
        String text;
        if (r instanceof LabelSSTRecord l) {
          int i = l.getSSTIndex();
          text = sst != null && i >= 0 && i < sst.getNumUniqueStrings() ? sst.getString(i).getString() : null;
        } else if (r instanceof NumberRecord n) {
          text = number(n.getValue(), n.getXFIndex());
        } else if (r instanceof LabelRecord l) {
          text = l.getValue();
        } else if (r instanceof BoolErrRecord b) {
          text = b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE") : null;
        } else if (r instanceof FormulaRecord f) {
          CellType type = f.getCachedResultTypeEnum();
          if (type == CellType.STRING) {
            // the cached text follows in a STRING record
            SourceRow row = put(f.getRow(), f.getColumn(), null);
            pendingString = f;
            if (row != null) {
              return row;
            }
            continue;
          }
          text = type == CellType.NUMERIC ? number(f.getValue(), f.getXFIndex())
              : type == CellType.BOOLEAN ? (f.getCachedBooleanValue() ? "TRUE" : "FALSE") : null;
        } else {
          continue; // blank cells
        }
        SourceRow row = put(cell.getRow(), cell.getColumn(), text);
        if (row != null) {
          return row;
        }
      }
      done = true;
      return flush(-1);
    } catch (EncryptedDocumentException e) {
      throw new BadInputException("the workbook is password-protected: save it without a password", e);
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BadInputException("not a readable .xls workbook: " + e.getMessage(), e);
    }
  }

  /** Adds a cell; returns the finished previous row when the cell starts a new one. */
  private SourceRow put(int row, int column, String text) {
    SourceRow finished = null;
    if (row != currentRow) {
      finished = flush(row);
    }
    if (column >= 0 && column < XlsxRows.MAX_COLUMNS) {
      if (column >= cells.length) {
        cells = Arrays.copyOf(cells, Math.min(XlsxRows.MAX_COLUMNS, Math.max(column + 1, cells.length * 2)));
      }
      cells[column] = text;
      width = Math.max(width, column + 1);
    }
    return finished;
  }

  private SourceRow flush(int nextRow) {
    SourceRow out = null;
    if (currentRow >= 0 && width > 0) {
      out = new SourceRow(currentRow + 1L, Arrays.asList(Arrays.copyOf(cells, width)));
    }
    Arrays.fill(cells, 0, Math.max(width, 0), null);
    width = 0;
    currentRow = nextRow;
    return out;
  }

  /** Plain decimal text; a whole number never gets {@code .0}; a {@code 0000}-style format pads with zeros. */
  private String number(double value, short xfIndex) {
    String text;
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      text = Long.toString((long) value);
    } else {
      text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
    int xf = xfIndex & 0xFFFF;
    if (xf < xfFormat.size() && value >= 0 && value == Math.rint(value)) {
      String format = formats.get(xfFormat.get(xf));
      if (format != null && format.length() > text.length() && format.length() <= 64 && format.chars()
          .allMatch(c -> c == '0')) {
        text = "0".repeat(format.length() - text.length()) + text;
      }
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      fs.close();
    }
  }
}
