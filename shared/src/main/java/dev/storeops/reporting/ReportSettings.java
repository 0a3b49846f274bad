package dev.storeops.reporting;

import dev.storeops.platform.config.Env;

/**
 * Report settings, read from {@link Env} here only.
 *
 * @param coverDays how many days of sales the purchase list buys for ({@code REPORT_COVER_DAYS},
 *     default {@link PurchasePlanner#DEFAULT_COVER_DAYS})
 */
public record ReportSettings(int coverDays) {
  public static ReportSettings from(Env env) {
    return new ReportSettings(env.optionalInt("REPORT_COVER_DAYS", PurchasePlanner.DEFAULT_COVER_DAYS));
  }
}
