package dev.storeops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpiringAndRecommendationsTest {
  private static final LocalDate TODAY = LocalDate.parse("2032-01-10");

  @Test
  void expiringKeepsTheWindowWithStockOnHandSoonestFirst() {
    var entries = List.of(
        new Expiring.Entry("B", "msk-1", LocalDate.parse("2032-01-24"), 3, 3, "s"),  // day 14: inside
        new Expiring.Entry("A", "spb-1", LocalDate.parse("2032-01-10"), 0, 2, "s"),  // today, all reserved: inside
        new Expiring.Entry("C", "msk-1", LocalDate.parse("2032-01-25"), 3, 3, "s"),  // day 15: outside
        new Expiring.Entry("D", "msk-1", LocalDate.parse("2032-01-09"), 3, 3, "s"),  // expired: not this report
        new Expiring.Entry("E", "msk-1", LocalDate.parse("2032-01-12"), 0, 0, "s")); // nothing on hand
    assertEquals(List.of(
        new Expiring.Item("A", "spb-1", "2032-01-10", 0, 0, 2, "s"),
        new Expiring.Item("B", "msk-1", "2032-01-24", 14, 3, 3, "s")), Expiring.select(TODAY, 14, entries));
    assertEquals(1, Expiring.select(TODAY, 0, entries).size());
  }

  @Test
  void recommendationsAreRelatedThenUpsellThenBoughtTogetherInStockOnly() {
    Map<String, Long> pairs = new LinkedHashMap<>();
    pairs.put("T1", 3L);
    pairs.put("T2", 9L);
    pairs.put("R1", 50L); // already listed as related
    pairs.put("T3", 3L);
    pairs.put("T0", 0L);
    Set<String> inStock = Set.of("R1", "U1", "T1", "T2", "T3", "T0", "SELF");
    var picks = Recommendations.pick("SELF", List.of("R1", "R2", "SELF"), List.of("U1", "R1"), pairs, inStock::contains, 10);
    assertEquals(List.of(
        new Recommendations.Pick("R1", Recommendations.Kind.RELATED),
        new Recommendations.Pick("U1", Recommendations.Kind.UPSELL),
        new Recommendations.Pick("T2", Recommendations.Kind.BOUGHT_TOGETHER),
        new Recommendations.Pick("T1", Recommendations.Kind.BOUGHT_TOGETHER),
        new Recommendations.Pick("T3", Recommendations.Kind.BOUGHT_TOGETHER)), picks);
    assertEquals(2, Recommendations.pick("SELF", List.of("R1"), List.of("U1"), pairs, inStock::contains, 2).size());
  }

  @Test
  void pairsAreBoundedPerOrder() {
    assertEquals(List.of(Map.entry("A", "B"), Map.entry("B", "A")), Recommendations.pairs(List.of("A", "B", "A")));
    List<String> many = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    assertEquals(Recommendations.MAX_PAIRED_SKUS * (Recommendations.MAX_PAIRED_SKUS - 1),
        Recommendations.pairs(many).size());
  }
}
