package dev.storeops.stockimport.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Test helper: rows from arrays, numbered from 1. */
final class Rows implements RowSource {
  private final Iterator<SourceRow> rows;

  Rows(String[]... rows) {
    List<SourceRow> list = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      list.add(new SourceRow(i + 1, Arrays.asList(rows[i])));
    }
    this.rows = list.iterator();
  }

  static List<SourceRow> list(String[]... rows) {
    List<SourceRow> list = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      list.add(new SourceRow(i + 1, Arrays.asList(rows[i])));
    }
    return list;
  }

  static String[] r(String... cells) {
    return cells;
  }

  @Override
  public SourceRow next() {
    return rows.hasNext() ? rows.next() : null;
  }

  @Override
  public void close() {
  }
}
