package dev.storeops.stockimport.core;

import java.util.List;

/** A row that was not imported, with its 1-based row number, the reason and its cells (shortened). */
public record Rejection(long row, String reason, List<String> cells) {
}
