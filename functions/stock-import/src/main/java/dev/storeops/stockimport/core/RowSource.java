package dev.storeops.stockimport.core;

import java.io.Closeable;
import java.io.IOException;

/** A streaming reader of a file's rows; only the current row is held in memory. */
public interface RowSource extends Closeable {
  /** The next row, or {@code null} at the end. */
  SourceRow next() throws IOException;
}
