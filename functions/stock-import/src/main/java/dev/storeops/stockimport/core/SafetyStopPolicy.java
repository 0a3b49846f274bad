package dev.storeops.stockimport.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The safety stop of a supplier import: a file that would do more harm than good is refused whole and
 * nothing is written (an ops alert follows). A file is refused when it has no valid row at all, or when
 * it would set to zero more than the supplier profile's {@code maxZeroShare} (default 50 %) of the SKUs
 * this supplier has in stock — the sign of a truncated export or a wrong column, not of a sell-out.
 */
public final class SafetyStopPolicy {
  private SafetyStopPolicy() {}

  /** Refusal for a file without a single valid row. */
  public static Optional<String> emptyFile(int validRows, long rejectedRows) {
    return validRows > 0 ? Optional.empty()
        : Optional.of("the file has no valid row (" + rejectedRows + " rejected): nothing was changed");
  }

  /**
   * Refusal when the share of the supplier's in-stock SKUs the file would zero is above the limit.
   *
   * @param zeroed SKUs in stock now that the file sets to 0 (listed with 0, or missing and zeroed)
   * @param stocked SKUs of this supplier with stock on hand now
   * @param maxZeroShare the profile's limit, 0..1
   */
  public static Optional<String> tooManyZeroed(long zeroed, long stocked, double maxZeroShare) {
    if (stocked == 0 || (double) zeroed / stocked <= maxZeroShare) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the file would set %d of the %d SKUs this supplier has in stock to zero (%.0f%% > maxZeroShare %.0f%%):"
            + " nothing was changed", zeroed, stocked, 100.0 * zeroed / stocked, 100 * maxZeroShare));
  }
}
