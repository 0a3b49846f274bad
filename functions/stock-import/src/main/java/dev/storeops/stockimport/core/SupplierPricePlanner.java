package dev.storeops.stockimport.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which supplier prices an import writes: only SKUs whose purchase, retail or minimum retail price
 * differs from what this supplier's last file said (a re-import of the same file writes nothing); and,
 * when the profile has a {@code priceRule}, the shop price the rule gives for those SKUs
 * ({@link RetailPricePolicy}). A shop price is only recomputed when the supplier's prices change, so a
 * price that staff set by hand stays until the supplier's next price change.
 */
public final class SupplierPricePlanner {
  private SupplierPricePlanner() {}

  public record ShopPrice(String sku, long priceMinor, String why) {}

  public record PricePlan(List<PriceLine> changed, long unchanged, List<ShopPrice> shopPrices) {}

  public static PricePlan plan(Map<String, PriceLine> file, Map<String, PriceLine> stored,
      SupplierProfile.PriceRule rule) {
    List<PriceLine> changed = new ArrayList<>();
    List<ShopPrice> shop = new ArrayList<>();
    RetailPricePolicy policy = rule == null ? null : new RetailPricePolicy(rule);
    long unchanged = 0;
    for (PriceLine line : file.values()) {
      PriceLine before = stored.get(line.sku());
      if (before != null && Objects.equals(before.purchaseMinor(), line.purchaseMinor())
          && Objects.equals(before.retailMinor(), line.retailMinor())
          && Objects.equals(before.minRetailMinor(), line.minRetailMinor())) {
        unchanged++;
        continue;
      }
      changed.add(line);
      if (policy != null) {
        OptionalLong price = policy.shopPrice(line.purchaseMinor(), line.retailMinor(), line.minRetailMinor());
        if (price.isPresent()) {
          shop.add(new ShopPrice(line.sku(), price.getAsLong(), "price rule: " + describe(rule, line)));
        }
      }
    }
    return new PricePlan(List.copyOf(changed), unchanged, List.copyOf(shop));
  }

  private static String describe(SupplierProfile.PriceRule rule, PriceLine line) {
    boolean retail = "retail".equalsIgnoreCase(rule.base());
    Long base = retail ? line.retailMinor() : line.purchaseMinor();
    return (retail ? "retail " : "purchase ") + base + " + " + (rule.markupPercent() == null ? 0 : rule.markupPercent())
        + "%, rounded " + (rule.rounding() == null ? "up" : rule.rounding()) + " to " + (rule.roundTo() == null ? 1
        : rule.roundTo()) + " RUB" + (line.minRetailMinor() == null ? "" : ", min " + line.minRetailMinor());
  }
}
