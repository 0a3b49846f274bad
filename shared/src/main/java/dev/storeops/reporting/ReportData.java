package dev.storeops.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The report figures kept by the stream consumer (sales per day, SKU sales, pairs, expiry, stock per supplier). */
public interface ReportData {
  List<SalesDay> salesDays(LocalDate from, LocalDate to);

  long sold(String sku, LocalDate from, LocalDate to);

  /** Per product and day of {@code [from, to]}: units, revenue and cost, net of cancellations. */
  List<ProductDay> productDays(LocalDate from, LocalDate to);

  /** Per day of {@code [from, to]} with cash: {money in, refunds} (days without cash are absent). */
  Map<LocalDate, long[]> cashDays(LocalDate from, LocalDate to);

  Map<String, Long> boughtTogether(String sku);

  List<Expiring.Entry> expiring(LocalDate from, LocalDate to);

  Map<String, Long> supplierStock(String supplierId);
}
