package dev.storeops.stockimport.core;

import static dev.storeops.stockimport.core.Rows.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockPlannerTest {
  private static ParsedFile file(SupplierProfile profile, String[]... rows) throws Exception {
    return new StockFileParser(profile).parse(new Rows(rows), RejectSink.NONE);
  }

  private static CurrentStock stock(String sku, long onHand, long reserved) {
    return new CurrentStock(sku, onHand, reserved, null, null, null);
  }

  @Test
  void writesOnlyWhatChangedAndZeroesMissingSkus() throws Exception {
    SupplierProfile profile = Profiles.profile(null, 0.8);
    ParsedFile parsed = file(profile, r("SKU", "Qty"), r("A", "5"), r("B", "7"), r("C", "1"), r("D", "0"));
    Map<String, CurrentStock> current = Map.of("A", stock("A", 5, 2), "B", stock("B", 3, 1), "D", stock("D", 0, 0),
        "E", stock("E", 4, 0), "F", stock("F", 0, 0), "G", stock("G", 9, 0), "H", stock("H", 2, 0));
    ImportPlan plan = StockPlanner.plan(parsed, current, profile);
    assertFalse(plan.refused());
    List<StockChange> changes = plan.changes().stream().sorted(Comparator.comparing(StockChange::sku)).toList();
    assertEquals(List.of("B", "C", "E", "G", "H"), changes.stream().map(StockChange::sku).toList());
    assertEquals(7, changes.get(0).onHand());
    assertEquals(1L, changes.get(0).expectedReserved());
    assertEquals(StockChange.Kind.CREATE_OR_CLAIM, changes.get(1).kind());
    assertEquals(StockChange.Kind.ZERO, changes.get(2).kind());
    assertEquals(2, plan.unchanged());
    assertEquals(3, plan.zeroed());
    assertEquals(5, plan.stocked());
  }

  @Test
  void keepLeavesMissingSkus() throws Exception {
    SupplierProfile profile = Profiles.profile("keep", null);
    ImportPlan plan = StockPlanner.plan(file(profile, r("SKU", "Qty"), r("A", "6")),
        Map.of("A", stock("A", 5, 0), "B", stock("B", 3, 0), "C", stock("C", 3, 0)), profile);
    assertEquals(List.of("A"), plan.changes().stream().map(StockChange::sku).toList());
    assertEquals(0, plan.zeroed());
  }

  @Test
  void refusesToZeroMoreThanTheShare() throws Exception {
    SupplierProfile profile = Profiles.profile();
    Map<String, CurrentStock> current = Map.of("A", stock("A", 5, 0), "B", stock("B", 3, 0), "C", stock("C", 3, 0));
    ImportPlan refused = StockPlanner.plan(file(profile, r("SKU", "Qty"), r("A", "6")), current, profile);
    assertTrue(refused.refused());
    assertTrue(refused.changes().isEmpty());
    assertTrue(refused.refusal().contains("2 of the 3"), refused.refusal());

    ImportPlan allowed = StockPlanner.plan(file(Profiles.profile(null, 0.7), r("SKU", "Qty"), r("A", "6")), current,
        Profiles.profile(null, 0.7));
    assertFalse(allowed.refused());
    assertEquals(3, allowed.changes().size());
  }

  @Test
  void aFileWithoutValidRowsIsRefused() throws Exception {
    SupplierProfile profile = Profiles.profile();
    ImportPlan plan = StockPlanner.plan(file(profile, r("SKU", "Qty"), r("A", "??")), Map.of(), profile);
    assertTrue(plan.refused());
    assertTrue(plan.refusal().startsWith("the file has no valid row"));
  }

  @Test
  void availableNeverGoesNegative() {
    assertEquals(0, StockChange.available(3, 5));
    assertEquals(2, StockChange.available(5, 3));
  }
}
