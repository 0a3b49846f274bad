package dev.storeops.stockimport.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.storeops.platform.schedule.ScheduleExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A supplier's file profile, stored as {@code profiles/<supplierId>.json} in the supplier bucket
 * (schema and example in docs/stock-import.md). Absent optional fields take their defaults in
 * {@link #validated()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupplierProfile(
    String supplierId,
    String warehouse,
    String format,
    String encoding,
    String delimiter,
    String sheet,
    Columns columns,
    Map<String, Long> quantityWords,
    String missing,
    Double maxZeroShare,
    Map<String, List<String>> warehouseColumns,
    String blank,
    PriceRule priceRule,
    Integer priority,
    List<String> senders,
    Feed feed,
    Map<String, Integer> skuPriority) {

  /** A profile without per-SKU priorities. */
  public SupplierProfile(String supplierId, String warehouse, String format, String encoding, String delimiter,
      String sheet, Columns columns, Map<String, Long> quantityWords, String missing, Double maxZeroShare,
      Map<String, List<String>> warehouseColumns, String blank, PriceRule priceRule, Integer priority,
      List<String> senders, Feed feed) {
    this(supplierId, warehouse, format, encoding, delimiter, sheet, columns, quantityWords, missing, maxZeroShare,
        warehouseColumns, blank, priceRule, priority, senders, feed, null);
  }

  /**
   * This supplier's reservation priority for one SKU: the profile's {@code skuPriority} entry for the
   * SKU when there is one (two suppliers feed the SKU and this one should go first, or last, for it
   * alone), else the supplier's {@code priority}; null: none. Stored on the SKU's stock items, where
   * {@code ReservationOrderPolicy} reads it.
   */
  public Integer priorityOf(String sku) {
    if (skuPriority != null && sku != null) {
      Integer own = skuPriority.get(sku);
      if (own != null) {
        return own;
      }
    }
    return priority;
  }

  /** A single-warehouse profile (no warehouse columns, blank cells rejected, no price rule, no intake). */
  public SupplierProfile(String supplierId, String warehouse, String format, String encoding, String delimiter,
      String sheet, Columns columns, Map<String, Long> quantityWords, String missing, Double maxZeroShare) {
    this(supplierId, warehouse, format, encoding, delimiter, sheet, columns, quantityWords, missing, maxZeroShare,
        null, null, null, null, null, null);
  }

  /** A profile without the intake fields (e-mail {@code senders}, URL {@code feed}). */
  public SupplierProfile(String supplierId, String warehouse, String format, String encoding, String delimiter,
      String sheet, Columns columns, Map<String, Long> quantityWords, String missing, Double maxZeroShare,
      Map<String, List<String>> warehouseColumns, String blank, PriceRule priceRule, Integer priority) {
    this(supplierId, warehouse, format, encoding, delimiter, sheet, columns, quantityWords, missing, maxZeroShare,
        warehouseColumns, blank, priceRule, priority, null, null);
  }

  /** A profile without a priority and the intake fields. */
  public SupplierProfile(String supplierId, String warehouse, String format, String encoding, String delimiter,
      String sheet, Columns columns, Map<String, Long> quantityWords, String missing, Double maxZeroShare,
      Map<String, List<String>> warehouseColumns, String blank, PriceRule priceRule) {
    this(supplierId, warehouse, format, encoding, delimiter, sheet, columns, quantityWords, missing, maxZeroShare,
        warehouseColumns, blank, priceRule, null, null, null);
  }

  /**
   * Where supplier-feeds fetches the supplier's file: {@code {"url": "https://…", "schedule": "cron(…)" or
   * "rate(…)"}} (docs/stock-import.md#url-feeds).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Feed(String url, String schedule) {}

  /** Header synonyms per column; {@code sku} and {@code quantity} are required. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Columns(List<String> sku, List<String> quantity, List<String> name, List<String> price,
      List<String> expiresAt, List<String> purchasePrice, List<String> retailPrice, List<String> minRetailPrice) {
    public Columns {
      sku = sku == null ? List.of() : List.copyOf(sku);
      quantity = quantity == null ? List.of() : List.copyOf(quantity);
      name = name == null ? List.of() : List.copyOf(name);
      price = price == null ? List.of() : List.copyOf(price);
      expiresAt = expiresAt == null ? List.of() : List.copyOf(expiresAt);
      purchasePrice = purchasePrice == null ? List.of() : List.copyOf(purchasePrice);
      retailPrice = retailPrice == null ? List.of() : List.copyOf(retailPrice);
      minRetailPrice = minRetailPrice == null ? List.of() : List.copyOf(minRetailPrice);
    }

    /** Columns without the price columns of the purchase-price feature. */
    public Columns(List<String> sku, List<String> quantity, List<String> name, List<String> price,
        List<String> expiresAt) {
      this(sku, quantity, name, price, expiresAt, null, null, null);
    }

    /** Does the file carry any of the per-supplier prices (purchase, retail, minimum retail)? */
    public boolean hasSupplierPrices() {
      return !purchasePrice.isEmpty() || !retailPrice.isEmpty() || !minRetailPrice.isEmpty();
    }
  }

  /**
   * The shop-price rule of a supplier ({@link RetailPricePolicy}): the shop price is the base price
   * ({@code purchase} or the supplier's recommended {@code retail}) plus {@code markupPercent},
   * rounded {@code up}/{@code nearest}/{@code down} to a multiple of {@code roundTo} roubles, never
   * below the minimum retail price. Present in a profile = the import updates the products' shop prices.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PriceRule(String base, Double markupPercent, Double roundTo, String rounding) {
  }

  /** What a blank or dash cell in a warehouse column means. */
  public enum Blank { ZERO, REJECT }

  public enum Missing { ZERO, KEEP }

  public static final double DEFAULT_MAX_ZERO_SHARE = 0.5;

  /**
   * The profile with defaults filled in ({@code format}/{@code encoding}/{@code delimiter} auto,
   * {@code missing} zero, {@code maxZeroShare} 0.5); throws {@link BadInputException} naming every
   * problem when the profile cannot be used.
   */
  public SupplierProfile validated() {
    List<String> problems = new ArrayList<>();
    if (blank(supplierId)) {
      problems.add("supplierId is required");
    }
    Map<String, List<String>> byWarehouse = new LinkedHashMap<>();
    if (warehouseColumns != null && !warehouseColumns.isEmpty()) {
      if (!blank(warehouse)) {
        problems.add("warehouse and warehouseColumns exclude each other: name the warehouses in warehouseColumns");
      }
      warehouseColumns.forEach((wh, synonyms) -> {
        if (blank(wh) || wh.contains("#")) {
          problems.add("warehouseColumns: '" + wh + "' is not a warehouse id");
        } else if (synonyms == null || synonyms.stream().allMatch(SupplierProfile::blank)) {
          problems.add("warehouseColumns." + wh + " needs at least one header synonym");
        } else {
          byWarehouse.put(wh.trim(), List.copyOf(synonyms));
        }
      });
    } else if (blank(warehouse)) {
      problems.add("warehouse (or warehouseColumns) is required");
    }
    String b = lower(blank, "reject");
    if (!List.of("zero", "reject").contains(b)) {
      problems.add("blank must be zero or reject");
    }
    if (priceRule != null) {
      problems.addAll(RetailPricePolicy.problems(priceRule));
    }
    if (priority != null && (priority < 0 || priority > 1000)) {
      problems.add("priority must be between 0 and 1000 (lower reserves first)");
    }
    Map<String, Integer> perSku = new LinkedHashMap<>();
    if (skuPriority != null) {
      skuPriority.forEach((sku, value) -> {
        if (sku == null || sku.isBlank()) {
          problems.add("skuPriority: a SKU is empty");
        } else if (value == null || value < 0 || value > 1000) {
          problems.add("skuPriority." + sku + " must be between 0 and 1000 (lower reserves first)");
        } else {
          perSku.put(sku.trim(), value);
        }
      });
    }
    String f = lower(format, "auto");
    if (!List.of("auto", "csv", "xlsx", "xls").contains(f)) {
      problems.add("format must be auto, csv, xlsx or xls");
    }
    String e = encoding == null || encoding.isBlank() ? "auto" : encoding.trim();
    if (!List.of("auto", "utf-8", "windows-1251").contains(e.toLowerCase(Locale.ROOT))) {
      problems.add("encoding must be auto, UTF-8 or windows-1251");
    }
    String d = delimiter == null || delimiter.isEmpty() ? "auto" : delimiter;
    if (!d.equals("auto") && !List.of(";", ",", "\t", "|").contains(d) && !d.equalsIgnoreCase("tab")) {
      problems.add("delimiter must be auto or one of ; , | tab");
    }
    Columns c = columns == null ? new Columns(null, null, null, null, null) : columns;
    if (priceRule != null && c.purchasePrice().isEmpty() && !"retail".equalsIgnoreCase(priceRule.base())) {
      problems.add("priceRule needs columns.purchasePrice (or base \"retail\" with columns.retailPrice)");
    }
    if (priceRule != null && "retail".equalsIgnoreCase(priceRule.base()) && c.retailPrice().isEmpty()) {
      problems.add("priceRule with base \"retail\" needs columns.retailPrice");
    }
    if (c.sku().isEmpty()) {
      problems.add("columns.sku needs at least one header synonym");
    }
    if (c.quantity().isEmpty() && byWarehouse.isEmpty()) {
      problems.add("columns.quantity needs at least one header synonym");
    }
    String m = lower(missing, "zero");
    if (!List.of("zero", "keep").contains(m)) {
      problems.add("missing must be zero or keep");
    }
    double share = maxZeroShare == null ? DEFAULT_MAX_ZERO_SHARE : maxZeroShare;
    if (share < 0 || share > 1) {
      problems.add("maxZeroShare must be between 0 and 1");
    }
    Map<String, Long> words = new LinkedHashMap<>();
    if (quantityWords != null) {
      quantityWords.forEach((word, value) -> {
        if (value == null || value < 0) {
          problems.add("quantityWords." + word + " must be a number >= 0");
        } else {
          words.put(Text.normalize(word), value);
        }
      });
    }
    List<String> addresses = senders == null ? List.of() : senders;
    for (String a : addresses) {
      if (a == null || !a.trim().matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
        problems.add("senders: '" + a + "' is not an e-mail address");
      }
    }
    if (feed != null) {
      String url = feed.url() == null ? "" : feed.url().trim().toLowerCase(Locale.ROOT);
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        problems.add("feed.url must be an http(s) URL");
      }
      try {
        ScheduleExpression.parse(feed.schedule(), java.time.ZoneOffset.UTC, java.time.Instant.EPOCH);
      } catch (IllegalArgumentException ex) {
        problems.add("feed.schedule: " + ex.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException("profile is invalid: " + String.join("; ", problems));
    }
    return new SupplierProfile(supplierId.trim(), byWarehouse.isEmpty() ? warehouse.trim() : null, f, e,
        d.equalsIgnoreCase("tab") ? "\t" : d, blank(sheet) ? null : sheet, c, Map.copyOf(words), m, share,
        byWarehouse.isEmpty() ? null : java.util.Collections.unmodifiableMap(byWarehouse), b, priceRule, priority,
        List.copyOf(addresses), feed, perSku.isEmpty() ? null : java.util.Collections.unmodifiableMap(perSku));
  }

  /**
   * The warehouses this file sets, in profile order: the one {@code warehouse}, or the keys of
   * {@code warehouseColumns}.
   */
  public List<String> warehouses() {
    return warehouseColumns == null || warehouseColumns.isEmpty() ? List.of(warehouse)
        : List.copyOf(warehouseColumns.keySet());
  }

  /** One stock column per warehouse ({@code warehouseColumns}) rather than one quantity column. */
  public boolean multiWarehouse() {
    return warehouseColumns != null && !warehouseColumns.isEmpty();
  }

  public Blank blankMode() {
    return "zero".equalsIgnoreCase(blank) ? Blank.ZERO : Blank.REJECT;
  }

  public Missing missingMode() {
    return "keep".equalsIgnoreCase(missing) ? Missing.KEEP : Missing.ZERO;
  }

  public double zeroShareLimit() {
    return maxZeroShare == null ? DEFAULT_MAX_ZERO_SHARE : maxZeroShare;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String lower(String s, String dflt) {
    return blank(s) ? dflt : s.trim().toLowerCase(Locale.ROOT);
  }
}
