package dev.storeops.stockimport.core;

import java.util.List;
import java.util.Map;

/**
 * What a file says, after parsing and normalising, before any comparison with stored stock.
 *
 * @param lines valid SKUs in file order
 * @param rowsRead all physical rows read, header and skipped rows included
 * @param skipped skipped rows by kind: title, blank, repeatedHeader, subtotal
 * @param rejectedSample the first {@link StockFileParser#REPORT_SAMPLE} rejections (all go to the sink)
 * @param warningSample the first {@link StockFileParser#REPORT_SAMPLE} warnings
 * @param byWarehouse the lines of each warehouse the file sets (one for a single-warehouse profile;
 *     {@code lines} is the first of them)
 * @param prices the supplier prices per SKU (empty unless the profile maps a price column)
 */
public record ParsedFile(Header header, Map<String, FileLine> lines, long rowsRead, long dataRows,
    Map<String, Long> skipped, long rejectedCount, List<Rejection> rejectedSample, long warningCount,
    List<String> warningSample, Map<String, Map<String, FileLine>> byWarehouse, Map<String, PriceLine> prices) {
}
