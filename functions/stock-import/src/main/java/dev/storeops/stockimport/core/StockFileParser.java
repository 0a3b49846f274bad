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
  /** The first two letters of each subtotal word, for a cheap test before normalising a cell. */
  private static final String SUBTOTAL_STARTS = "ит|вс|to|su|gr";
  private static final Pattern PRICE_NOISE = Pattern.compile("(руб\\.?|р\\.|₽|rub|rur)", Pattern.CASE_INSENSITIVE);
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"),
      DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ofPattern("dd.MM.yy"),
      DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  /** A cell that is not plain money (a price the string rules read, or warn about). */
  private static final long NOT_PLAIN = -2;

  private final SupplierProfile profile;
  private final HeaderDetector detector;
  private final QuantityParser quantities;

  public StockFileParser(SupplierProfile profile) {
    this.profile = profile;
    List<List<String>> warehouseSynonyms = profile.multiWarehouse()
        ? List.copyOf(profile.warehouseColumns().values()) : List.of();
    this.detector = new HeaderDetector(profile.columns(), warehouseSynonyms);
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
    if (profile.multiWarehouse()) {
      List<String> missingColumns = new ArrayList<>();
      List<String> warehouses = profile.warehouses();
      for (int w = 0; w < warehouses.size(); w++) {
        if (header.warehouses()[w] < 0) {
          missingColumns.add(warehouses.get(w) + " " + profile.warehouseColumns().get(warehouses.get(w)));
        }
      }
      if (!missingColumns.isEmpty()) {
        throw new BadInputException("the header has no column for warehouse " + String.join(", ", missingColumns));
      }
    }
    State state = new State(header, sink, labels(head, header));
    state.skipped.merge("title", (long) header.position(), Long::sum);
    for (int i = header.position() + header.rows(); i < head.size(); i++) {
      state.accept(head.get(i));
    }
    state.rowsRead = head.size();
    if (source instanceof CsvRows csv) {
      // the usual row is read from FastCSV's characters; any other row as strings, by the same rules
      while (csv.advance()) {
        state.rowsRead++;
        if (!state.acceptPlain(csv)) {
          state.accept(csv.row());
        }
      }
    } else {
      while ((row = source.next()) != null) {
        state.rowsRead++;
        state.accept(row);
      }
    }
    return new ParsedFile(header, state.table.lines(0), state.rowsRead, state.dataRows, state.skipped,
        state.rejected, state.rejectedSample, state.warnings, state.warningSample, state.linesByWarehouse(),
        state.table.prices());
  }

  /** Each column's header text, for the report ("Саранск опт / Остаток" for a two-row header). */
  private static String[] labels(List<SourceRow> head, Header header) {
    SourceRow top = head.get(header.position());
    SourceRow bottom = header.rows() == 2 ? head.get(header.position() + 1) : null;
    int width = Math.max(top.cells().size(), bottom == null ? 0 : bottom.cells().size());
    String[] labels = new String[width];
    String carried = null;
    for (int c = 0; c < width; c++) {
      String upper = Text.isBlank(top.cell(c)) ? null : top.cell(c).strip();
      if (upper != null) {
        carried = upper;
      }
      String lower = bottom == null || Text.isBlank(bottom.cell(c)) ? null : bottom.cell(c).strip();
      String label = lower == null ? upper : carried == null ? lower : carried + " / " + lower;
      labels[c] = label == null ? "column " + (c + 1) : QuantityParser.shorten(label);
    }
    return labels;
  }

  private final class State {
    final Header header;
    final RejectSink sink;
    final String[] labels;
    final List<String> warehouses = profile.warehouses();
    final boolean blankIsZero = profile.blankMode() == SupplierProfile.Blank.ZERO;
    /** The SKUs' figures: one quantity per warehouse (profile order), name, price, expiry, supplier prices. */
    final SkuTable table;
    final int[] quantityColumns;
    final long[] quantity;
    final Map<String, Long> skipped = new LinkedHashMap<>(Map.of("title", 0L, "blank", 0L, "repeatedHeader", 0L,
        "subtotal", 0L));
    final List<Rejection> rejectedSample = new ArrayList<>();
    final List<String> warningSample = new ArrayList<>();
    long rowsRead;
    long dataRows;
    long rejected;
    long warnings;

    State(Header header, RejectSink sink, String[] labels) {
      this.header = header;
      this.sink = sink;
      this.labels = labels;
      this.quantityColumns = profile.multiWarehouse() ? header.warehouses() : new int[] {header.quantity()};
      this.quantity = new long[quantityColumns.length];
      this.table = new SkuTable(quantityColumns.length);
    }

    Map<String, Map<String, FileLine>> linesByWarehouse() {
      Map<String, Map<String, FileLine>> out = new LinkedHashMap<>();
      for (int w = 0; w < warehouses.size(); w++) {
        out.put(warehouses.get(w), table.lines(w));
      }
      return out;
    }

    String label(int column) {
      return column >= 0 && column < labels.length ? labels[column] : "column " + (column + 1);
    }

    void accept(SourceRow row) {
      if (row.isBlank()) {
        skipped.merge("blank", 1L, Long::sum);
        return;
      }
      String rawSku = row.cell(header.sku());
      boolean skuIsWord = rawSku != null && rawSku.length() < 200 && mayBeWord(rawSku);
      int firstQuantity = quantityColumns[0];
      if (skuIsWord && detector.names(HeaderDetector.SKU, rawSku) && (profile.multiWarehouse()
          ? !quantities.parse(row.cell(firstQuantity)).ok()
          : detector.names(HeaderDetector.QUANTITY, row.cell(firstQuantity)))) {
        skipped.merge("repeatedHeader", 1L, Long::sum);
        return;
      }
      if ((Text.isBlank(rawSku) || (skuIsWord && isSubtotal(rawSku))) && hasSubtotalWord(row)) {
        skipped.merge("subtotal", 1L, Long::sum);
        return;
      }
      // a section title ("Напитки"): one cell of words, no quantity; a lone SKU with no quantity is rejected
      if (Text.isBlank(row.cell(firstQuantity)) && row.nonBlankCount() == 1
          && (Text.isBlank(rawSku) || (rawSku.chars().anyMatch(Character::isLetter)
              && rawSku.chars().noneMatch(Character::isDigit)))) {
        skipped.merge("title", 1L, Long::sum);
        return;
      }
      dataRows++;
      if (dataRows > MAX_ROWS) {
        throw new BadInputException("more than " + MAX_ROWS + " data rows: split the file");
      }
      String sku = Skus.normalize(rawSku);
      String skuProblem = sku == null ? null : Skus.problem(sku);
      String usableSku = sku == null || sku.length() > MAX_CELL_CHARS || skuProblem != null ? null : sku;
      if (tooLong(row, usableSku, header.sku(), header.name(), header.price(), header.expiresAt(),
          header.purchasePrice(), header.retailPrice(), header.minRetailPrice())) {
        return;
      }
      for (int column : quantityColumns) {
        if (tooLong(row, usableSku, column)) {
          return;
        }
      }
      if (sku == null) {
        reject(row, "no SKU", null, header.sku());
        return;
      }
      if (skuProblem != null) {
        reject(row, skuProblem, null, header.sku());
        return;
      }
      for (int w = 0; w < quantityColumns.length; w++) {
        String raw = row.cell(quantityColumns[w]);
        if (blankIsZero && isBlankOrDash(raw)) {
          quantity[w] = 0;
          continue;
        }
        QuantityParser.Result q = quantities.parse(raw);
        if (!q.ok()) {
          reject(row, (quantityColumns.length > 1 ? "warehouse " + warehouses.get(w) + ": " : "") + q.error(), sku,
              quantityColumns[w]);
          return;
        }
        quantity[w] = q.quantity();
      }
      String name = header.name() >= 0 ? emptyToNull(row.cell(header.name())) : null;
      long price = header.price() >= 0 ? price(row, header.price()) : SkuTable.NONE;
      LocalDate expires = header.expiresAt() >= 0 ? date(row) : null;
      boolean supplierPrices = header.purchasePrice() >= 0 || header.retailPrice() >= 0
          || header.minRetailPrice() >= 0;
      long purchase = supplierPrices ? price(row, header.purchasePrice()) : SkuTable.NONE;
      long retail = supplierPrices ? price(row, header.retailPrice()) : SkuTable.NONE;
      long minRetail = supplierPrices ? price(row, header.minRetailPrice()) : SkuTable.NONE;
      int entry = table.add(sku, row.number());
      if (entry >= 0) {
        table.setDetails(entry, name, price, expires);
        for (int w = 0; w < quantityColumns.length; w++) {
          table.setQuantity(entry, w, quantity[w]);
        }
      } else {
        entry = -entry - 1;
        for (int w = 0; w < quantityColumns.length; w++) {
          table.addQuantity(entry, w, quantity[w]);
        }
        warn("row " + row.number() + ": SKU " + sku + " is listed again (first at row " + table.firstRow(entry)
            + "): quantities summed");
      }
      if (supplierPrices) {
        table.offerPrices(entry, purchase, retail, minRetail, row.number());
      }
    }

    /**
     * The usual CSV row, read from the record's characters without a string per cell: a SKU of printable
     * characters (no space, {@code #}, {@code .} or control character, at most {@link Skus#MAX_LENGTH}) that
     * cannot start a header or subtotal word, every quantity plain digits (up to 9), the name without
     * surrounding spaces, prices plain money ({@link #plainMoney}) or blank. Such a row is imported exactly as
     * {@link #accept} would import it. Any other row — blank, title, subtotal, repeated header, one to reject,
     * one with a warning — changes nothing here and returns {@code false}: {@link #accept} reads it.
     */
    boolean acceptPlain(CsvRows r) {
      int size = r.size();
      char[] c = r.chars();
      int skuColumn = header.sku();
      if (skuColumn >= size) {
        return false;
      }
      int skuAt = r.start(skuColumn);
      int skuLength = r.length(skuColumn);
      if (skuLength == 0 || skuLength > Skus.MAX_LENGTH) {
        return false;
      }
      for (int k = skuAt; k < skuAt + skuLength; k++) {
        char ch = c[k];
        if (ch <= ' ' || ch == '#' || ch == '.' || (ch >= 0x7F && !Character.isLetterOrDigit(ch))) {
          return false; // spaces to strip, a number written 125.0, a character Skus.problem refuses: by the rules
        }
      }
      char first = c[skuAt];
      if (Character.isLetter(first) && (detector.mayStartSynonym(HeaderDetector.SKU, first)
          || (skuLength > 1 && mayStartSubtotal(first, c[skuAt + 1])))) {
        return false; // may be a repeated header or a subtotal row
      }
      if (!plainLengths(r, header.name(), header.price(), header.expiresAt(), header.purchasePrice(),
          header.retailPrice(), header.minRetailPrice())) {
        return false;
      }
      long[] q = quantity;
      for (int w = 0; w < quantityColumns.length; w++) {
        int column = quantityColumns[w];
        if (column >= size) {
          return false;
        }
        long value = plainDigits(c, r.start(column), r.length(column));
        if (value < 0) {
          return false;
        }
        q[w] = value;
      }
      int nameColumn = header.name();
      int nameAt = -1;
      int nameLength = 0;
      if (nameColumn >= 0 && nameColumn < size && r.length(nameColumn) > 0) {
        nameAt = r.start(nameColumn);
        nameLength = r.length(nameColumn);
        if (isSpace(c[nameAt]) || isSpace(c[nameAt + nameLength - 1])) {
          return false; // to be stripped, or blank
        }
      }
      long price = plainPrice(r, header.price());
      long purchase = plainPrice(r, header.purchasePrice());
      long retail = plainPrice(r, header.retailPrice());
      long minRetail = plainPrice(r, header.minRetailPrice());
      if (price == NOT_PLAIN || purchase == NOT_PLAIN || retail == NOT_PLAIN || minRetail == NOT_PLAIN) {
        return false;
      }
      // from here on the row is imported: the same steps as accept()
      dataRows++;
      if (dataRows > MAX_ROWS) {
        throw new BadInputException("more than " + MAX_ROWS + " data rows: split the file");
      }
      int expiresColumn = header.expiresAt();
      LocalDate expires = expiresColumn >= 0 && expiresColumn < size && r.length(expiresColumn) > 0
          ? date(new String(c, r.start(expiresColumn), r.length(expiresColumn)), r.number()) : null;
      int entry = table.add(c, skuAt, skuLength, r.number());
      if (entry >= 0) {
        if (nameAt >= 0) {
          table.setDetails(entry, c, nameAt, nameLength, price, expires);
        } else {
          table.setDetails(entry, null, price, expires);
        }
        for (int w = 0; w < quantityColumns.length; w++) {
          table.setQuantity(entry, w, q[w]);
        }
      } else {
        entry = -entry - 1;
        for (int w = 0; w < quantityColumns.length; w++) {
          table.addQuantity(entry, w, q[w]);
        }
        warn("row " + r.number() + ": SKU " + table.sku(entry) + " is listed again (first at row "
            + table.firstRow(entry) + "): quantities summed");
      }
      if (header.purchasePrice() >= 0 || header.retailPrice() >= 0 || header.minRetailPrice() >= 0) {
        table.offerPrices(entry, purchase, retail, minRetail, r.number());
      }
      return true;
    }

    /** Every mapped column's cell within {@link #MAX_CELL_CHARS}. */
    private boolean plainLengths(CsvRows r, int... columns) {
      for (int column : columns) {
        if (column >= 0 && column < r.size() && r.length(column) > MAX_CELL_CHARS) {
          return false;
        }
      }
      return true;
    }

    /** A price cell read as plain money: kopecks, {@link SkuTable#NONE} (not mapped, missing, empty) or NOT_PLAIN. */
    private long plainPrice(CsvRows r, int column) {
      if (column < 0 || column >= r.size() || r.length(column) == 0) {
        return SkuTable.NONE;
      }
      long value = plainMoney(r.chars(), r.start(column), r.length(column));
      return value < 0 ? NOT_PLAIN : value;
    }

    /** Rejects the row when one of these cells is over the length limit. */
    private boolean tooLong(SourceRow row, String sku, int... columns) {
      for (int column : columns) {
        String cell = row.cell(column);
        if (cell != null && cell.length() > MAX_CELL_CHARS) {
          reject(row, "cell in column " + (column + 1) + " has " + cell.length() + " characters (limit "
              + MAX_CELL_CHARS + ")", sku, column);
          return true;
        }
      }
      return false;
    }

    /** The price in kopecks, or {@link SkuTable#NONE} (not mapped, blank, or not readable: with a warning). */
    private long price(SourceRow row, int column) {
      if (column < 0) {
        return SkuTable.NONE;
      }
      String raw = row.cell(column);
      if (Text.isBlank(raw)) {
        return SkuTable.NONE;
      }
      long fast = plainMoney(raw);
      if (fast >= 0) {
        return fast;
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
        return SkuTable.NONE;
      }
    }

    private LocalDate date(SourceRow row) {
      return date(row.cell(header.expiresAt()), row.number());
    }

    private LocalDate date(String raw, long rowNumber) {
      if (Text.isBlank(raw)) {
        return null;
      }
      String s = raw.strip();
      if (s.matches("\\d{5}(\\.0+)?")) {
        return EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", "")));
      }
      if (s.length() > 10 && s.charAt(10) == 'T') {
        s = s.substring(0, 10);
      }
      for (DateTimeFormatter f : DATES) {
        try {
          return LocalDate.parse(s, f);
        } catch (DateTimeParseException ignored) {
          // next format
        }
      }
      warn("row " + rowNumber + ": expiry date '" + QuantityParser.shorten(raw) + "' not readable, ignored");
      return null;
    }

    private void reject(SourceRow row, String reason, String sku, int failedColumn) {
      rejected++;
      String raw = row.cell(failedColumn);
      Map<String, String> values = Map.of(label(failedColumn), raw == null ? ""
          : raw.length() > 200 ? raw.substring(0, 200) + "…" : raw);
      List<String> cells = new ArrayList<>(Math.min(row.cells().size(), 50));
      for (int i = 0; i < row.cells().size() && i < 50; i++) {
        String c = row.cells().get(i);
        cells.add(c == null ? "" : c.length() > 200 ? c.substring(0, 200) + "…" : c);
      }
      Rejection rejection = new Rejection(row.number(), reason, List.copyOf(cells), sku, values);
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

  /** {@link #plainMoney(char[], int, int)} of a string. */
  static long plainMoney(String s) {
    return plainMoney(s.toCharArray(), 0, s.length());
  }

  /** The fast path of a price: up to 9 digits, optionally {@code .} or {@code ,} and 1–2 digits → kopecks; else -1. */
  static long plainMoney(char[] c, int from, int length) {
    int n = length;
    long whole = 0;
    int i = 0;
    while (i < n && i < 9 && c[from + i] >= '0' && c[from + i] <= '9') {
      whole = whole * 10 + (c[from + i] - '0');
      i++;
    }
    if (i == 0 || whole >= 100_000_000) {
      return -1; // the slow path reads or refuses it
    }
    if (i == n) {
      return whole * 100;
    }
    char sep = c[from + i];
    if ((sep != '.' && sep != ',') || n - i - 1 < 1 || n - i - 1 > 2) {
      return -1;
    }
    long cents = 0;
    for (int j = i + 1; j < n; j++) {
      char d = c[from + j];
      if (d < '0' || d > '9') {
        return -1;
      }
      cents = cents * 10 + (d - '0');
    }
    return whole * 100 + (n - i - 1 == 1 ? cents * 10 : cents);
  }

  /** 1 to 9 ASCII digits → their value; anything else -1 (QuantityParser reads it, or rejects it). */
  static long plainDigits(char[] c, int from, int length) {
    if (length == 0 || length > 9) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < from + length; i++) {
      char d = c[i];
      if (d < '0' || d > '9') {
        return -1;
      }
      value = value * 10 + (d - '0');
    }
    return value;
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7F) {
      return false; // printable ASCII
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Could a cell starting with these two letters be a subtotal word ({@link #isSubtotal})? */
  private static boolean mayStartSubtotal(char first, char second) {
    char a = Character.toLowerCase(first);
    char b = Character.toLowerCase(second);
    for (int k = 0; k + 1 < SUBTOTAL_STARTS.length(); k += 3) {
      if (SUBTOTAL_STARTS.charAt(k) == a && SUBTOTAL_STARTS.charAt(k + 1) == b) {
        return true;
      }
    }
    return false;
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

  /** A blank cell or a lone dash ({@code -}, {@code –}, {@code —}, {@code −}). */
  static boolean isBlankOrDash(String s) {
    if (Text.isBlank(s)) {
      return true;
    }
    String t = s.strip();
    return t.length() == 1 && "-–—−".indexOf(t.charAt(0)) >= 0;
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
    int i = 0;
    while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i)))) {
      i++;
    }
    if (i + 1 >= cell.length()) {
      return false;
    }
    char a = Character.toLowerCase(cell.charAt(i));
    char b = Character.toLowerCase(cell.charAt(i + 1));
    boolean may = false;
    for (int k = 0; k + 1 < SUBTOTAL_STARTS.length() && !may; k += 3) {
      may = SUBTOTAL_STARTS.charAt(k) == a && SUBTOTAL_STARTS.charAt(k + 1) == b;
    }
    if (!may) {
      return false; // no subtotal word starts with these two letters: no need to normalise the cell
    }
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
