package dev.storeops.stockimport.core;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;

/** CSV rows streamed by FastCSV from a decoding reader; a record is at most {@link #MAX_RECORD_CHARS} long. */
public final class CsvRows implements RowSource {
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private final CsvReader<CsvRecord> reader;
  private final Iterator<CsvRecord> records;
  private final String charsetName;

  public CsvRows(Reader in, char delimiter, String charsetName) {
    this.reader = builder(delimiter).ofCsvRecord(in);
    this.records = reader.iterator();
    this.charsetName = charsetName;
  }

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

  @Override
  public SourceRow next() throws IOException {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord r = records.next();
      return new SourceRow(r.getStartingLineNumber(), r.getFields());
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
  public void close() throws IOException {
    reader.close();
  }
}
