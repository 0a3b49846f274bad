package dev.storeops.platform.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV cells a spreadsheet opens as text, never as a formula (OWASP "CSV injection"): a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR gets a leading {@code '}. Every CSV
 * the shop hands to a person goes through here: the staff reports ({@code reporting/Csv}) and the
 * rejected rows of a supplier stock file. Quoting (commas, quotes, line breaks) stays the CSV writer's job.
 */
public final class CsvCells {
  /** The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
  public static final String FORMULA_TRIGGERS = "=+-@\t\r";

  private CsvCells() {}

  /** {@code value}, with a leading {@code '} if it starts like a formula; null stays null. */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty() || FORMULA_TRIGGERS.indexOf(value.charAt(0)) < 0) {
      return value;
    }
    return "'" + value;
  }

  /** Each cell of a record through {@link #neutralise(String)}. */
  public static List<String> neutralise(List<String> record) {
    List<String> out = new ArrayList<>(record.size());
    for (String cell : record) {
      out.add(neutralise(cell));
    }
    return out;
  }
}
