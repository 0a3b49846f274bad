package dev.storeops.stockimport.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a stream of rows into normalised stock lines: finds the header, skips title, blank,
 * repeated-header and subtotal rows, parses SKU, quantity, name, price and expiry, rejects bad rows
 * with a reason and sums repeated SKUs with a warning. Holds one entry per distinct SKU, never the file.
 */
public final class StockFileParser {
  public static final int REPORT_SAMPLE = 1000;
  /** A cell longer than this is not a SKU, quantity or name: the row is rejected. */
  public static final int MAX_CELL_CHARS = 1000;
  /** At most this many data rows per file (a larger file is refused as a whole). */
  public static final long MAX_ROWS = 2_000_000;

  private static final List<String> SUBTOTAL_WORDS = List.of("итого", "всего", "total", "subtotal", "grand total");
  private static final Pattern PRICE_NOISE = Pattern.compile("(руб\\.?|р\\.|₽|rub|rur)", Pattern.CASE_INSENSITIVE);
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"),
      DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ofPattern("dd.MM.yy"),
      DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private final SupplierProfile profile;
  private final HeaderDetector detector;
  private final QuantityParser quantities;

  public StockFileParser(SupplierProfile profile) {
    this.profile = profile;
    this.detector = new HeaderDetector(profile.columns());
    this.quantities = new QuantityParser(profile.quantityWords());
  }

  public HeaderDetector detector() {
    return detector;
  }

  public ParsedFile parse(RowSource source, RejectSink sink) throws IOException {
    List<SourceRow> head = new ArrayList<>();
    SourceRow row;
    while (head.size() < HeaderDetector.SCAN_ROWS + 1 && (row = source.next()) != null) {
      head.add(row);
    }
    if (head.isEmpty()) {
      throw new BadInputException("the file has no rows");
    }
    Header header = detector.detect(head).orElseThrow(() -> new BadInputException(
        "no header row found in the first " + HeaderDetector.SCAN_ROWS + " rows (looked for SKU column "
            + profile.columns().sku() + " and quantity column " + profile.columns().quantity() + ")"));
    State state = new State(header, sink);
    state.skipped.merge("title", (long) header.position(), Long::sum);
    for (int i = header.position() + header.rows(); i < head.size(); i++) {
      state.accept(head.get(i));
    }
    state.rowsRead = head.size();
    while ((row = source.next()) != null) {
      state.rowsRead++;
      state.accept(row);
    }
    return new ParsedFile(header, state.lines, state.rowsRead, state.dataRows, state.skipped, state.rejected,
        state.rejectedSample, state.warnings, state.warningSample);
  }

  private final class State {
    final Header header;
    final RejectSink sink;
    final Map<String, FileLine> lines = new LinkedHashMap<>();
    final Map<String, Long> skipped = new LinkedHashMap<>(Map.of("title", 0L, "blank", 0L, "repeatedHeader", 0L,
        "subtotal", 0L));
    final List<Rejection> rejectedSample = new ArrayList<>();
    final List<String> warningSample = new ArrayList<>();
    long rowsRead;
    long dataRows;
    long rejected;
    long warnings;

    State(Header header, RejectSink sink) {
      this.header = header;
      this.sink = sink;
    }

    void accept(SourceRow row) {
      if (row.isBlank()) {
        skipped.merge("blank", 1L, Long::sum);
        return;
      }
      String rawSku = row.cell(header.sku());
      boolean skuIsWord = rawSku != null && rawSku.length() < 200 && mayBeWord(rawSku);
      if (skuIsWord && detector.names(0, rawSku) && detector.names(1, row.cell(header.quantity()))) {
        skipped.merge("repeatedHeader", 1L, Long::sum);
        return;
      }
      if ((Text.isBlank(rawSku) || (skuIsWord && isSubtotal(rawSku))) && hasSubtotalWord(row)) {
        skipped.merge("subtotal", 1L, Long::sum);
        return;
      }
      // a section title ("Напитки"): one cell of words, no quantity; a lone SKU with no quantity is rejected
      if (Text.isBlank(row.cell(header.quantity())) && row.nonBlankCount() == 1
          && (Text.isBlank(rawSku) || (rawSku.chars().anyMatch(Character::isLetter)
              && rawSku.chars().noneMatch(Character::isDigit)))) {
        skipped.merge("title", 1L, Long::sum);
        return;
      }
      dataRows++;
      if (dataRows > MAX_ROWS) {
        throw new BadInputException("more than " + MAX_ROWS + " data rows: split the file");
      }
      for (int column : new int[] {header.sku(), header.quantity(), header.name(), header.price(),
          header.expiresAt()}) {
        String cell = row.cell(column);
        if (cell != null && cell.length() > MAX_CELL_CHARS) {
          reject(row, "cell in column " + (column + 1) + " has " + cell.length() + " characters (limit "
              + MAX_CELL_CHARS + ")");
          return;
        }
      }
      String sku = Skus.normalize(rawSku);
      if (sku == null) {
        reject(row, "no SKU");
        return;
      }
      String skuProblem = Skus.problem(sku);
      if (skuProblem != null) {
        reject(row, skuProblem);
        return;
      }
      QuantityParser.Result quantity = quantities.parse(row.cell(header.quantity()));
      if (!quantity.ok()) {
        reject(row, quantity.error());
        return;
      }
      String name = header.name() >= 0 ? emptyToNull(row.cell(header.name())) : null;
      Long price = header.price() >= 0 ? price(row) : null;
      String expires = header.expiresAt() >= 0 ? date(row) : null;
      FileLine previous = lines.get(sku);
      if (previous == null) {
        lines.put(sku, new FileLine(sku, quantity.quantity(), name, price, expires, row.number()));
      } else {
        lines.put(sku, previous.plus(quantity.quantity()));
        warn("row " + row.number() + ": SKU " + sku + " is listed again (first at row " + previous.firstRow()
            + "): quantities summed");
      }
    }

    private Long price(SourceRow row) {
      String raw = row.cell(header.price());
      if (Text.isBlank(raw)) {
        return null;
      }
      String s = raw;
      if (!isPlainDecimal(raw)) {
        s = PRICE_NOISE.matcher(raw).replaceAll("").replace('\u00A0', ' ').replace(" ", "");
      }
      s = s.replace(',', '.');
      try {
        BigDecimal value = new BigDecimal(s);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
          throw new NumberFormatException();
        }
        return value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        warn("row " + row.number() + ": price '" + QuantityParser.shorten(raw) + "' not readable, ignored");
        return null;
      }
    }

    private String date(SourceRow row) {
      String raw = row.cell(header.expiresAt());
      if (Text.isBlank(raw)) {
        return null;
      }
      String s = raw.strip();
      if (s.matches("\\d{5}(\\.0+)?")) {
        return EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", ""))).toString();
      }
      if (s.length() > 10 && s.charAt(10) == 'T') {
        s = s.substring(0, 10);
      }
      for (DateTimeFormatter f : DATES) {
        try {
          return LocalDate.parse(s, f).toString();
        } catch (DateTimeParseException ignored) {
          // next format
        }
      }
      warn("row " + row.number() + ": expiry date '" + QuantityParser.shorten(raw) + "' not readable, ignored");
      return null;
    }

    private void reject(SourceRow row, String reason) {
      rejected++;
      List<String> cells = new ArrayList<>(Math.min(row.cells().size(), 50));
      for (int i = 0; i < row.cells().size() && i < 50; i++) {
        String c = row.cells().get(i);
        cells.add(c == null ? "" : c.length() > 200 ? c.substring(0, 200) + "…" : c);
      }
      Rejection rejection = new Rejection(row.number(), reason, List.copyOf(cells));
      if (rejectedSample.size() < REPORT_SAMPLE) {
        rejectedSample.add(rejection);
      }
      sink.accept(rejection);
    }

    private void warn(String warning) {
      warnings++;
      if (warningSample.size() < REPORT_SAMPLE) {
        warningSample.add(warning);
      }
    }
  }

  private static boolean isPlainDecimal(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '.' && c != ',') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static String emptyToNull(String s) {
    return Text.isBlank(s) ? null : s.strip();
  }

  /** Header and subtotal words start with a letter; most SKUs start with a digit or are short codes. */
  private static boolean mayBeWord(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return Character.isLetter(c);
      }
    }
    return false;
  }

  private static boolean isSubtotal(String cell) {
    String t = Text.normalize(cell);
    for (String w : SUBTOTAL_WORDS) {
      if (t.equals(w) || (t.startsWith(w) && !Character.isLetter(t.charAt(w.length())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSubtotalWord(SourceRow row) {
    for (String c : row.cells()) {
      if (c != null && c.length() < 200 && isSubtotal(c)) {
        return true;
      }
    }
    return false;
  }
}
