package dev.storeops.stockimport.core;

import java.util.List;
import java.util.Map;

/**
 * A row that was not imported: its 1-based row number, the reason, its cells (shortened), the SKU
 * when the row has a usable one, and the raw values of the cells that failed, by column header.
 */
public record Rejection(long row, String reason, List<String> cells, String sku, Map<String, String> values) {
  public Rejection(long row, String reason, List<String> cells) {
    this(row, reason, cells, null, Map.of());
  }
}
