package dev.storeops.stockimport.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The report written to {@code reports/<supplierId>/<timestamp>-<file>.json} for every file
 * (format in docs/stock-import.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
    String supplierId,
    String file,
    String status,
    String reason,
    String startedAt,
    long durationMs,
    String format,
    String encoding,
    String delimiter,
    Long headerRow,
    long rowsRead,
    long dataRows,
    long updated,
    long unchanged,
    long zeroed,
    Map<String, Long> skipped,
    long rejectedCount,
    List<RejectedRow> rejected,
    long warningCount,
    List<String> warnings,
    String rejectedRowsFile,
    String movedTo,
    Map<String, WarehouseFigures> warehouses,
    Long pricesUpdated,
    Long pricesUnchanged,
    Long shopPricesChanged,
    List<PriceChange> shopPriceChanges) {

  public static final String APPLIED = "applied";
  public static final String REFUSED = "refused";
  public static final String QUARANTINED = "quarantined";

  /** A rejected row: the SKU when it has a usable one, the reason, the raw values of the cells that failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RejectedRow(long row, String sku, String reason, Map<String, String> values) {
  }

  /** What the file did to one warehouse ({@code warehouseColumns} profiles). */
  public record WarehouseFigures(long updated, long unchanged, long zeroed) {
  }

  /** A product's shop price set by the supplier's price rule (kopecks). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PriceChange(String sku, Long oldPriceMinor, long newPriceMinor) {
  }
}
