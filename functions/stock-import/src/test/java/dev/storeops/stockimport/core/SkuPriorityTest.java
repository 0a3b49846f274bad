package dev.storeops.stockimport.core;

import static dev.storeops.stockimport.core.Rows.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A per-SKU supplier priority ({@code skuPriority} in the profile) overrides the supplier's {@code
 * priority} for that SKU alone: it is what the import stores on the SKU's stock items, where {@code
 * ReservationOrderPolicy} reads it when two suppliers feed the same SKU.
 */
class SkuPriorityTest {
  private static SupplierProfile profile(Integer priority, Map<String, Integer> skuPriority) {
    SupplierProfile base = Profiles.profile(null, 0.8);
    return new SupplierProfile(base.supplierId(), base.warehouse(), null, null, null, null, base.columns(),
        base.quantityWords(), "keep", 0.8, null, null, null, priority, null, null, skuPriority).validated();
  }

  @Test
  void theSkusOwnPriorityWinsOverTheSuppliersAndOtherSkusKeepTheSuppliers() throws Exception {
    SupplierProfile profile = profile(50, Map.of("TEA-1", 5));
    assertEquals(5, profile.priorityOf("TEA-1"));
    assertEquals(50, profile.priorityOf("CUP-1"));
    ParsedFile file = new StockFileParser(profile).parse(new Rows(new String[][] {r("SKU", "Qty"), r("TEA-1", "3"),
        r("CUP-1", "4")}), RejectSink.NONE);
    List<StockChange> changes = StockPlanner.plan(file, Map.of(), profile).changes().stream()
        .sorted(Comparator.comparing(StockChange::sku)).toList();
    assertEquals(List.of(50, 5), changes.stream().map(StockChange::priority).toList());
  }

  @Test
  void aChangedSkuPriorityRewritesTheStockItemEvenWhenTheQuantityIsTheSame() throws Exception {
    SupplierProfile profile = profile(null, Map.of("TEA-1", 1));
    assertNull(profile.priorityOf("CUP-1"));
    ParsedFile file = new StockFileParser(profile).parse(new Rows(new String[][] {r("SKU", "Qty"), r("TEA-1", "3"),
        r("CUP-1", "4")}), RejectSink.NONE);
    ImportPlan plan = StockPlanner.plan(file, Map.of(
        "TEA-1", new CurrentStock("TEA-1", 3, 0, null, null, null, null),
        "CUP-1", new CurrentStock("CUP-1", 4, 0, null, null, null, null)), profile);
    assertEquals(List.of("TEA-1"), plan.changes().stream().map(StockChange::sku).toList());
    assertEquals(1, plan.changes().get(0).priority());
    assertEquals(1, plan.unchanged());
  }

  @Test
  void aPriorityOutsideZeroToAThousandIsRefusedNamingTheSku() {
    var e = assertThrows(BadInputException.class, () -> profile(null, Map.of("TEA-1", 1001)));
    assertTrue(e.getMessage().contains("skuPriority.TEA-1"), e.getMessage());
  }
}
