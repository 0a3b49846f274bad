package dev.storeops.stockimport.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the header row within the first rows of a file by the profile's column synonyms (case- and
 * space-insensitive): a row naming both the SKU and the quantity column. Handles a two-row header
 * under merged cells: a merged cell's text stands only in its first column, so the upper row's text
 * is carried to the right over the columns the lower row names ("Остаток" over "Москва" | "СПб"
 * reads as "остаток москва", "остаток спб").
 */
public final class HeaderDetector {
  /** The header must be within the first this many rows. */
  public static final int SCAN_ROWS = 30;
  private static final Pattern NUMERIC = Pattern.compile("^[-+]?[\\d\\s\\u00A0.,]+$");

  /** Field numbers: the fixed columns, then one per warehouse column from {@link #WAREHOUSES} on. */
  public static final int SKU = 0, QUANTITY = 1, PURCHASE_PRICE = 5, RETAIL_PRICE = 6, MIN_RETAIL_PRICE = 7,
      WAREHOUSES = 8;

  private final List<List<String>> synonyms;
  private final int warehouses;
  /** Per field, the first characters of its normalised synonyms. */
  private final List<String> firstChars;
  /** The same first characters per field as arrays (read for every CSV row). */
  private final char[][] firstCharArrays;

  public HeaderDetector(SupplierProfile.Columns columns) {
    this(columns, List.of());
  }

  /** @param warehouseSynonyms header synonyms of each warehouse column ({@code warehouseColumns}), in order */
  public HeaderDetector(SupplierProfile.Columns columns, List<List<String>> warehouseSynonyms) {
    List<List<String>> all = new ArrayList<>(List.of(norm(columns.sku()), norm(columns.quantity()),
        norm(columns.name()), norm(columns.price()), norm(columns.expiresAt()), norm(columns.purchasePrice()),
        norm(columns.retailPrice()), norm(columns.minRetailPrice())));
    for (List<String> w : warehouseSynonyms) {
      all.add(norm(w));
    }
    this.synonyms = List.copyOf(all);
    this.warehouses = warehouseSynonyms.size();
    List<String> firsts = new ArrayList<>();
    for (List<String> field : synonyms) {
      StringBuilder chars = new StringBuilder();
      for (String synonym : field) {
        chars.append(synonym.charAt(0));
      }
      firsts.add(chars.toString());
    }
    this.firstChars = List.copyOf(firsts);
    this.firstCharArrays = new char[firsts.size()][];
    for (int f = 0; f < firsts.size(); f++) {
      firstCharArrays[f] = firsts.get(f).toCharArray();
    }
  }

  /**
   * Normalised synonyms; a two-row synonym written {@code "Саранск опт / Остаток"} also matches the
   * joined header text {@code "саранск опт остаток"}.
   */
  private static List<String> norm(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String n = Text.normalize(v);
      if (!n.isEmpty()) {
        out.add(n);
      }
      if (v != null && v.contains("/")) {
        String joined = Text.normalize(v.replace('/', ' '));
        if (!joined.isEmpty() && !joined.equals(n)) {
          out.add(joined);
        }
      }
    }
    return out;
  }

  /** How many warehouse columns the profile names. */
  public int warehouseCount() {
    return warehouses;
  }

  public Optional<Header> detect(List<SourceRow> rows) {
    int limit = Math.min(rows.size(), SCAN_ROWS);
    for (int i = 0; i < limit; i++) {
      SourceRow top = rows.get(i);
      if (top.isBlank()) {
        continue;
      }
      int[] single = map(top, null);
      int[] two = i + 1 < rows.size() ? map(top, rows.get(i + 1)) : null;
      boolean singleOk = single[0] >= 0 && hasQuantity(single);
      // the upper row must name a column itself, else the lower row is the header on its own
      boolean twoOk = two != null && two[0] >= 0 && hasQuantity(two) && (single[0] >= 0 || hasQuantity(single));
      if (twoOk && (!singleOk || continuesHeader(rows.get(i + 1), single[0]))) {
        return Optional.of(header(top, 2, i, two));
      }
      if (singleOk) {
        return Optional.of(header(top, 1, i, single));
      }
    }
    return Optional.empty();
  }

  /** Could the cell's first non-space character begin one of the field's synonyms (case-, ё-insensitive)? */
  private boolean mayStartSynonym(int field, String cell) {
    if (cell == null) {
      return false;
    }
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return mayStartSynonym(field, c);
      }
    }
    return false;
  }

  /** Could a cell whose first non-space character is {@code c} name the field? ({@code false}: it cannot.) */
  boolean mayStartSynonym(int field, char c) {
    char lower = c == 'ё' || c == 'Ё' ? 'е' : Character.toLowerCase(c);
    for (char first : firstCharArrays[field]) {
      if (first == lower) {
        return true;
      }
    }
    return false;
  }

  /** The quantity column, or (several warehouses) at least one warehouse column. */
  private boolean hasQuantity(int[] m) {
    if (warehouses == 0) {
      return m[QUANTITY] >= 0;
    }
    for (int w = 0; w < warehouses; w++) {
      if (m[WAREHOUSES + w] >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Does this column's header text name the field (equal, or the synonym followed by a non-letter)? */
  public boolean names(int field, String cell) {
    if (!mayStartSynonym(field, cell)) {
      return false; // the common case for data rows: no synonym starts with the cell's first letter
    }
    String text = Text.normalize(cell);
    if (text.isEmpty()) {
      return false;
    }
    for (String synonym : synonyms.get(field)) {
      if (text.equals(synonym) || (text.startsWith(synonym)
          && !Character.isLetterOrDigit(text.charAt(synonym.length())))) {
        return true;
      }
    }
    return false;
  }

  private static Header header(SourceRow top, int rows, int position, int[] m) {
    return new Header(top.number(), rows, position, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7],
        java.util.Arrays.copyOfRange(m, WAREHOUSES, m.length));
  }

  /** The row under a header is its second line when it has no SKU and only words. */
  private static boolean continuesHeader(SourceRow next, int skuColumn) {
    if (next.isBlank() || (skuColumn >= 0 && !Text.isBlank(next.cell(skuColumn)))) {
      return false;
    }
    for (String c : next.cells()) {
      if (!Text.isBlank(c) && NUMERIC.matcher(c).matches()) {
        return false;
      }
    }
    return true;
  }

  private int[] map(SourceRow top, SourceRow bottom) {
    int width = Math.max(top.cells().size(), bottom == null ? 0 : bottom.cells().size());
    List<List<String>> texts = new ArrayList<>(width);
    String carried = null;
    for (int c = 0; c < width; c++) {
      String upper = top.cell(c);
      List<String> candidates = new ArrayList<>(3);
      if (bottom == null) {
        candidates.add(upper);
      } else {
        String lower = bottom.cell(c);
        if (!Text.isBlank(upper)) {
          carried = upper;
        }
        if (!Text.isBlank(lower)) {
          candidates.add((carried == null ? "" : carried + " ") + lower);
          candidates.add(lower);
        } else {
          // under a header cell merged down (or a lone cell): the upper text alone
          carried = Text.isBlank(upper) ? carried : upper;
        }
        if (!Text.isBlank(upper)) {
          candidates.add(upper);
        }
      }
      texts.add(candidates);
    }
    int[] found = new int[synonyms.size()];
    java.util.Arrays.fill(found, -1);
    boolean[] used = new boolean[width];
    for (int field = 0; field < found.length; field++) {
      for (int c = 0; c < width && found[field] < 0; c++) {
        if (used[c]) {
          continue;
        }
        for (String text : texts.get(c)) {
          if (names(field, text)) {
            found[field] = c;
            used[c] = true;
            break;
          }
        }
      }
    }
    return found;
  }
}
