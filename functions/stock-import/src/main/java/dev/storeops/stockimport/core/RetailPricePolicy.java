package dev.storeops.stockimport.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The shop price a supplier's price rule ({@code priceRule} in the profile) sets for a product: the
 * base price — the purchase price ({@code base: "purchase"}, the default) or the supplier's
 * recommended retail price ({@code "retail"}) — plus {@code markupPercent} (default 0), rounded
 * {@code up} (default), to the {@code nearest} or {@code down} to a multiple of {@code roundTo}
 * roubles (default 1), and never below the supplier's minimum retail price (МИЦ). No base price in the
 * row → no price (the shop price stays as it is). Money in kopecks.
 */
public final class RetailPricePolicy {
  public static final double MAX_MARKUP_PERCENT = 1000;

  private final SupplierProfile.PriceRule rule;

  public RetailPricePolicy(SupplierProfile.PriceRule rule) {
    this.rule = rule;
  }

  /** What is wrong with a rule, for the profile's validation. */
  static List<String> problems(SupplierProfile.PriceRule rule) {
    List<String> problems = new ArrayList<>();
    if (rule.base() != null && !List.of("purchase", "retail").contains(rule.base().toLowerCase(Locale.ROOT))) {
      problems.add("priceRule.base must be purchase or retail");
    }
    if (rule.markupPercent() != null && (rule.markupPercent() < 0 || rule.markupPercent() > MAX_MARKUP_PERCENT)) {
      problems.add("priceRule.markupPercent must be between 0 and " + (int) MAX_MARKUP_PERCENT);
    }
    if (rule.roundTo() != null && (rule.roundTo() < 0.01 || rule.roundTo() > 100_000)) {
      problems.add("priceRule.roundTo must be between 0.01 and 100000 (roubles)");
    }
    if (rule.rounding() != null && !List.of("up", "nearest", "down").contains(rule.rounding().toLowerCase(Locale.ROOT))) {
      problems.add("priceRule.rounding must be up, nearest or down");
    }
    return problems;
  }

  /** The shop price for these supplier prices (kopecks), or empty when the row has no base price. */
  public OptionalLong shopPrice(Long purchaseMinor, Long retailMinor, Long minRetailMinor) {
    Long base = "retail".equalsIgnoreCase(rule.base()) ? retailMinor : purchaseMinor;
    if (base == null) {
      return OptionalLong.empty();
    }
    BigDecimal markup = BigDecimal.valueOf(rule.markupPercent() == null ? 0 : rule.markupPercent());
    BigDecimal raw = BigDecimal.valueOf(base).multiply(BigDecimal.ONE.add(markup.movePointLeft(2)));
    BigDecimal step = BigDecimal.valueOf(rule.roundTo() == null ? 1 : rule.roundTo()).movePointRight(2)
        .setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
    RoundingMode mode = switch (rule.rounding() == null ? "up" : rule.rounding().toLowerCase(Locale.ROOT)) {
      case "nearest" -> RoundingMode.HALF_UP;
      case "down" -> RoundingMode.FLOOR;
      default -> RoundingMode.CEILING;
    };
    long price = raw.divide(step, 0, mode).multiply(step).longValueExact();
    if (minRetailMinor != null && price < minRetailMinor) {
      price = minRetailMinor;
    }
    return OptionalLong.of(price);
  }
}
