package dev.storeops.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Gross margin as a percentage of revenue, one decimal, rounded half up; 0 when there is no revenue. */
public final class Margin {
  private Margin() {}

  public static BigDecimal percent(long marginMinor, long revenueMinor) {
    if (revenueMinor == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return BigDecimal.valueOf(marginMinor).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(revenueMinor), 1, RoundingMode.HALF_UP);
  }
}
