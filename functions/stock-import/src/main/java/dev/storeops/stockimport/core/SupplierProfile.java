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
    List<String> senders,
    Feed feed) {

  /** A profile without the intake fields (e-mail {@code senders}, URL {@code feed}). */
  public SupplierProfile(String supplierId, String warehouse, String format, String encoding, String delimiter,
      String sheet, Columns columns, Map<String, Long> quantityWords, String missing, Double maxZeroShare) {
    this(supplierId, warehouse, format, encoding, delimiter, sheet, columns, quantityWords, missing, maxZeroShare,
        null, null);
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
      List<String> expiresAt) {
    public Columns {
      sku = sku == null ? List.of() : List.copyOf(sku);
      quantity = quantity == null ? List.of() : List.copyOf(quantity);
      name = name == null ? List.of() : List.copyOf(name);
      price = price == null ? List.of() : List.copyOf(price);
      expiresAt = expiresAt == null ? List.of() : List.copyOf(expiresAt);
    }
  }

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
    if (blank(warehouse)) {
      problems.add("warehouse is required");
    }
    String f = lower(format, "auto");
    if (!List.of("auto", "csv", "xlsx").contains(f)) {
      problems.add("format must be auto, csv or xlsx");
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
    if (c.sku().isEmpty()) {
      problems.add("columns.sku needs at least one header synonym");
    }
    if (c.quantity().isEmpty()) {
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
    return new SupplierProfile(supplierId.trim(), warehouse.trim(), f, e, d.equalsIgnoreCase("tab") ? "\t" : d,
        blank(sheet) ? null : sheet, c, Map.copyOf(words), m, share, List.copyOf(addresses), feed);
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
