package dev.storeops.stockimport.core;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Opens a downloaded supplier file as a {@link RowSource}: tells XLSX from CSV by content (and the
 * profile), legacy .xls (OLE2) by its signature, refuses binary data, detects the CSV encoding (UTF-8, UTF-8 with BOM,
 * windows-1251) and delimiter ({@code ;} {@code ,} tab {@code |}) unless the profile fixes them.
 */
public final class FileReaders {
  public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final char[] DELIMITERS = {';', ',', '\t', '|'};

  private FileReaders() {}

  /** The opened file and what was detected. */
  public record Opened(RowSource rows, String format, String encoding, String delimiter) {
  }

  public static Opened open(Path file, String fileName, SupplierProfile profile, HeaderDetector detector)
      throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new BadInputException("the file is empty (0 bytes)");
    }
    byte[] sample = sample(file);
    String name = fileName.toLowerCase(Locale.ROOT);
    boolean zip = startsWith(sample, 0x50, 0x4B, 0x03, 0x04);
    boolean ole2 = startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    String format = profile.format();
    if (ole2) {
      if (format.equals("csv") || format.equals("xlsx")) {
        throw new BadInputException("the profile says " + format + " but the file is a legacy Excel (.xls) workbook");
      }
      return new Opened(new XlsRows(file, profile.sheet()), "xls", null, null);
    }
    if (zip) {
      if (format.equals("csv")) {
        throw new BadInputException("the profile says csv but the file is a ZIP/XLSX");
      }
      ZipGuard.check(file, ZipGuard.DEFAULT);
      try {
        return new Opened(new XlsxRows(file, profile.sheet()), "xlsx", null, null);
      } catch (BadInputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new BadInputException("not a readable XLSX workbook: " + e.getMessage(), e);
      }
    }
    if (format.equals("xls") || (format.equals("auto") && name.endsWith(".xls"))) {
      throw new BadInputException("the file is " + (format.equals("xls") ? "expected as .xls (profile)" : "named "
          + fileName) + " but is not an Excel 97-2003 (OLE2) workbook");
    }
    if (format.equals("xlsx") || (format.equals("auto") && (name.endsWith(".xlsx") || name.endsWith(".xlsm")))) {
      throw new BadInputException("the file is " + (format.equals("xlsx") ? "expected as XLSX (profile)" : "named "
          + fileName) + " but is not an XLSX (ZIP) file");
    }
    for (byte b : sample) {
      if (b == 0) {
        throw new BadInputException("binary data (NUL bytes), not a CSV text file");
      }
    }
    boolean bom = startsWith(sample, 0xEF, 0xBB, 0xBF);
    Charset charset = charset(sample, bom, profile.encoding());
    String text = decodeSample(sample, bom, charset);
    char delimiter = delimiter(text, profile, detector);
    InputStream in = Files.newInputStream(file);
    if (bom && charset.equals(StandardCharsets.UTF_8)) {
      in.skipNBytes(3);
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(charset.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    // FastCSV reads the decoder in large blocks itself: no BufferedReader in between (one copy less per char)
    InputStreamReader reader = new InputStreamReader(new java.io.BufferedInputStream(in, 64 * 1024), decoder);
    return new Opened(new CsvRows(reader, delimiter, charset.name()), "csv", charset.name() + (bom ? " (BOM)" : ""),
        delimiter == '\t' ? "tab" : String.valueOf(delimiter));
  }

  private static Charset charset(byte[] sample, boolean bom, String wanted) {
    boolean validUtf8 = bom || isUtf8(sample);
    boolean ascii = !bom && isAscii(sample);
    switch (wanted.toLowerCase(Locale.ROOT)) {
      case "utf-8" -> {
        if (!validUtf8) {
          throw new BadInputException("the file is not UTF-8 although the profile says UTF-8"
              + " (it looks like windows-1251)");
        }
        return StandardCharsets.UTF_8;
      }
      case "windows-1251" -> {
        if (bom || (validUtf8 && !ascii)) {
          throw new BadInputException("the file is UTF-8 although the profile says windows-1251");
        }
        return WINDOWS_1251;
      }
      default -> {
        return validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1251;
      }
    }
  }

  private static char delimiter(String text, SupplierProfile profile, HeaderDetector detector) {
    if (!profile.delimiter().equals("auto")) {
      return profile.delimiter().charAt(0);
    }
    Character[] byFrequency = new Character[DELIMITERS.length];
    for (int i = 0; i < DELIMITERS.length; i++) {
      byFrequency[i] = DELIMITERS[i];
    }
    Arrays.sort(byFrequency, Comparator.comparingLong((Character c) -> text.chars().filter(x -> x == c).count())
        .reversed());
    for (char candidate : byFrequency) {
      List<SourceRow> rows = new ArrayList<>();
      try (CsvReader<CsvRecord> reader = CsvRows.builder(candidate).ofCsvRecord(text)) {
        for (CsvRecord r : reader) {
          rows.add(new SourceRow(r.getStartingLineNumber(), r.getFields()));
          if (rows.size() > HeaderDetector.SCAN_ROWS) {
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        continue;
      }
      if (detector.detect(rows).isPresent()) {
        return candidate;
      }
    }
    return byFrequency[0];
  }

  private static String decodeSample(byte[] sample, boolean bom, Charset charset) {
    int from = bom ? 3 : 0;
    String text = new String(sample, from, sample.length - from, charset);
    int lastNewline = text.lastIndexOf('\n');
    return sample.length == SAMPLE_BYTES && lastNewline > 0 ? text.substring(0, lastNewline + 1) : text;
  }

  private static byte[] sample(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SAMPLE_BYTES);
    }
  }

  private static boolean isAscii(byte[] sample) {
    for (byte b : sample) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Valid UTF-8, allowing a character cut at the end of the sample. */
  static boolean isUtf8(byte[] sample) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int length = sample.length;
    for (int cut = 0; cut <= 3 && cut < length; cut++) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(sample, 0, length - cut));
        return true;
      } catch (CharacterCodingException e) {
        if (sample.length < SAMPLE_BYTES) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
