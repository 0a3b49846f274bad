package dev.storeops.stockimport.core;

import java.util.List;

/**
 * One physical row of a supplier file: its 1-based row (CSV line / sheet row) number and its cells
 * as text (numeric spreadsheet cells in plain decimal notation).
 */
public record SourceRow(long number, List<String> cells) {
  public String cell(int index) {
    return index >= 0 && index < cells.size() ? cells.get(index) : null;
  }

  public boolean isBlank() {
    for (String c : cells) {
      if (!Text.isBlank(c)) {
        return false;
      }
    }
    return true;
  }

  public int nonBlankCount() {
    int n = 0;
    for (String c : cells) {
      if (!Text.isBlank(c)) {
        n++;
      }
    }
    return n;
  }
}
