package dev.storeops.stockimport.core;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;

/**
 * CSV rows streamed by FastCSV from a decoding reader; a record is at most {@link #MAX_RECORD_CHARS} long.
 *
 * <p>FastCSV hands each field to a callback handler (its lower-level API) that copies the characters into
 * one reusable buffer: {@link #advance()} reads a record without making a {@code String} per field, and the
 * parser reads the usual row straight from {@link #chars()} ({@link StockFileParser}); {@link #row()} (and
 * {@link #next()}) make the row's cells as strings for everything else.
 */
public final class CsvRows implements RowSource {
  public static final int MAX_RECORD_CHARS = 1 << 20;
  /** FastCSV's own limit of fields per record (its record handlers refuse more). */
  static final int MAX_FIELDS = 16 * 1024;

  private final CsvReader<Fields> reader;
  private final Iterator<Fields> records;
  private final String charsetName;
  private Fields current;

  public CsvRows(Reader in, char delimiter, String charsetName) {
    this.reader = builder(delimiter).build(new Fields(), in);
    this.records = reader.iterator();
    this.charsetName = charsetName;
  }

  @SuppressWarnings("removal")
  static CsvReader.CsvReaderBuilder builder(char delimiter) {
    return CsvReader.builder()
        .fieldSeparator(delimiter)
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true)
        .allowUnclosedQuote(false)
        .detectBomHeader(false)
        .maxBufferSize(MAX_RECORD_CHARS);
  }

  /** Reads the next record into the buffer; {@code false} at the end. */
  public boolean advance() throws IOException {
    try {
      if (!records.hasNext()) {
        current = null;
        return false;
      }
      current = records.next();
      return true;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new BadInputException("the file is not valid " + charsetName + " text", e);
      }
      throw e.getCause();
    } catch (CsvParseException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u && u.getCause() instanceof CharacterCodingException
          || cause instanceof CharacterCodingException) {
        throw new BadInputException("the file is not valid " + charsetName + " text", e);
      }
      throw new BadInputException("CSV not readable: " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("buffer") ? " (a row longer than "
              + MAX_RECORD_CHARS + " characters?)" : ""), e);
    }
  }

  @Override
  public SourceRow next() throws IOException {
    return advance() ? row() : null;
  }

  /** The current record as a row of strings. */
  public SourceRow row() {
    Fields f = current;
    String[] cells = new String[f.count];
    for (int i = 0; i < f.count; i++) {
      cells[i] = new String(f.chars, f.starts[i], f.lengths[i]);
    }
    return new SourceRow(f.line, Collections.unmodifiableList(Arrays.asList(cells)));
  }

  /** The current record's starting line (1-based). */
  public long number() {
    return current.line;
  }

  /** How many fields the current record has. */
  public int size() {
    return current.count;
  }

  /** The buffer holding the current record's fields (valid until the next {@link #advance()}). */
  public char[] chars() {
    return current.chars;
  }

  public int start(int field) {
    return current.starts[field];
  }

  public int length(int field) {
    return current.lengths[field];
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The callback handler: one record's fields copied into one growing buffer, reused for every record. */
  static final class Fields extends AbstractBaseCsvCallbackHandler<Fields> {
    char[] chars = new char[1024];
    int used;
    int[] starts = new int[32];
    int[] lengths = new int[32];
    int count;
    long line;

    @Override
    protected void handleBegin(long startingLineNumber) {
      line = startingLineNumber;
      used = 0;
      count = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (index >= MAX_FIELDS) {
        throw new CsvParseException("Record starting at line %d has surpassed the maximum limit of %d fields"
            .formatted(line, MAX_FIELDS));
      }
      if (index >= starts.length) {
        starts = Arrays.copyOf(starts, Math.min(MAX_FIELDS, starts.length * 2));
        lengths = Arrays.copyOf(lengths, starts.length);
      }
      if (used + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
      }
      System.arraycopy(buf, offset, chars, used, len);
      starts[index] = used;
      lengths[index] = len;
      used += len;
      count = index + 1;
    }

    @Override
    protected void handleEmpty() {
      count = 0;
    }

    @Override
    protected Fields buildRecord() {
      return this;
    }
  }
}
