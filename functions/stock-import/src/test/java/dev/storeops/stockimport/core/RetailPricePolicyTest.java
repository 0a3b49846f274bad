package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RetailPricePolicyTest {
  private static RetailPricePolicy rule(String base, Double markup, Double roundTo, String rounding) {
    return new RetailPricePolicy(new SupplierProfile.PriceRule(base, markup, roundTo, rounding));
  }

  @Test
  void markupThenRoundingThenNeverBelowTheMinimumRetailPrice() {
    // 1 000.50 RUB + 30 % = 1 300.65 → up to 10 RUB = 1 310
    assertEquals(OptionalLong.of(131_000), rule(null, 30.0, 10.0, null).shopPrice(100_050L, null, null));
    assertEquals(OptionalLong.of(130_000), rule(null, 30.0, 10.0, "nearest").shopPrice(100_050L, null, null));
    assertEquals(OptionalLong.of(130_000), rule("purchase", 30.0, 10.0, "down").shopPrice(100_050L, null, null));
    // the МИЦ wins when the rule would sell below it
    assertEquals(OptionalLong.of(150_000), rule(null, 30.0, 10.0, null).shopPrice(100_050L, null, 150_000L));
    // base retail, no markup, whole roubles
    assertEquals(OptionalLong.of(18_000), rule("retail", null, null, null).shopPrice(10_000L, 17_950L, null));
    // no base price in the row: no shop price
    assertEquals(OptionalLong.empty(), rule("retail", 10.0, null, null).shopPrice(10_000L, null, 20_000L));
    assertEquals(OptionalLong.empty(), rule(null, 10.0, null, null).shopPrice(null, 20_000L, null));
  }

  @Test
  void aBadRuleMakesTheProfileInvalid() {
    SupplierProfile profile = new SupplierProfile("acme", "msk-1", null, null, null, null,
        new SupplierProfile.Columns(List.of("Артикул"), List.of("Остаток"), null, null, null, List.of("Опт"), null,
            null), Map.of(), null, null, null, null, new SupplierProfile.PriceRule("cost", -5.0, 0.0, "sideways"), null);
    String message = assertThrows(BadInputException.class, profile::validated).getMessage();
    assertTrue(message.contains("priceRule.base must be purchase or retail"), message);
    assertTrue(message.contains("priceRule.markupPercent"), message);
    assertTrue(message.contains("priceRule.roundTo"), message);
    assertTrue(message.contains("priceRule.rounding"), message);
  }

  @Test
  void onlyChangedSupplierPricesAreWrittenAndOnlyTheyGetANewShopPrice() {
    PriceLine same = new PriceLine("A", 100_00L, 150_00L, null, 5);
    PriceLine dearer = new PriceLine("B", 200_00L, null, 270_00L, 6);
    PriceLine fresh = new PriceLine("C", 50_00L, null, null, 7);
    var plan = SupplierPricePlanner.plan(Map.of("A", same, "B", dearer, "C", fresh),
        Map.of("A", new PriceLine("A", 100_00L, 150_00L, null, 0), "B", new PriceLine("B", 190_00L, null, 270_00L, 0)),
        new SupplierProfile.PriceRule(null, 25.0, 1.0, null));
    assertEquals(1, plan.unchanged());
    assertEquals(List.of("B", "C"), plan.changed().stream().map(PriceLine::sku).sorted().toList());
    assertEquals(Map.of("B", 270_00L, "C", 62_50L + 50L), plan.shopPrices().stream()
        .collect(java.util.stream.Collectors.toMap(SupplierPricePlanner.ShopPrice::sku,
            SupplierPricePlanner.ShopPrice::priceMinor)));
    assertEquals(List.of(), SupplierPricePlanner.plan(Map.of("A", same), Map.of(), null).shopPrices());
  }
}
