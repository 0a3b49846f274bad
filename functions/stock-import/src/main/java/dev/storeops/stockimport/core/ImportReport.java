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
    String movedTo) {

  public static final String APPLIED = "applied";
  public static final String REFUSED = "refused";
  public static final String QUARANTINED = "quarantined";

  public record RejectedRow(long row, String reason) {
  }
}
