package dev.storeops.ordering.promo;

import java.util.ArrayList;
import java.util.List;

/**
 * How a code's discount is applied to the lines: the discount is on the goods only (never on
 * delivery); a percent is of the items total, rounded down to a kopeck; an amount is at most the
 * items total. The discount is spread over the lines in proportion to their totals (rounded down),
 * the kopecks left over go to the largest line, so the lines' discounts add up to the order's exactly.
 */
public final class PromoDiscount {
  private PromoDiscount() {}

  /** The order's discount, kopecks. */
  public static long total(PromoCode code, long itemsTotalMinor) {
    if (itemsTotalMinor <= 0) {
      return 0;
    }
    if (code.discountPercent() != null) {
      return Math.multiplyExact(itemsTotalMinor, (long) code.discountPercent()) / 100;
    }
    return Math.min(code.discountMinor() == null ? 0 : code.discountMinor(), itemsTotalMinor);
  }

  /** Each line's share of {@code discount}, in the order of {@code lineTotals}. */
  public static List<Long> perLine(long discount, List<Long> lineTotals) {
    long items = lineTotals.stream().mapToLong(Long::longValue).sum();
    List<Long> out = new ArrayList<>();
    if (items <= 0 || discount <= 0) {
      lineTotals.forEach(t -> out.add(0L));
      return out;
    }
    long given = 0;
    int largest = 0;
    for (int i = 0; i < lineTotals.size(); i++) {
      long share = java.math.BigInteger.valueOf(discount).multiply(java.math.BigInteger.valueOf(lineTotals.get(i)))
          .divide(java.math.BigInteger.valueOf(items)).longValueExact();
      out.add(share);
      given += share;
      if (lineTotals.get(i) > lineTotals.get(largest)) {
        largest = i;
      }
    }
    out.set(largest, out.get(largest) + (discount - given));
    return out;
  }
}
