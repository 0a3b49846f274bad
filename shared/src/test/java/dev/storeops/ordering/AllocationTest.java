package dev.storeops.ordering;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockLevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static StockLevel level(String sku, String w, long available) {
    return new StockLevel(sku, w, available, 0, available);
  }

  @Test
  void prefersThePickupWarehouseThenTheFullest() {
    var plan = Allocation.plan(List.of(new ValidOrder.Line("A", 3)),
        Map.of("A", List.of(level("A", "msk-1", 5), level("A", "spb-1", 9))), "msk-1");
    assertEquals(List.of(new Reservation("A", "msk-1", 3)), plan.reservations());
    var fullest = Allocation.plan(List.of(new ValidOrder.Line("A", 3)),
        Map.of("A", List.of(level("A", "msk-1", 5), level("A", "spb-1", 9))), null);
    assertEquals(List.of(new Reservation("A", "spb-1", 3)), fullest.reservations());
  }

  @Test
  void ownStockFirstThenSuppliersByPriorityThenByStock() {
    StockLevel own = new StockLevel("A", "shop-1", 2, 0, 2);
    StockLevel cheap = new StockLevel("A", "c-1", 3, 0, 3, "volga", 1);
    StockLevel big = new StockLevel("A", "b-1", 50, 0, 50, "acme", 5);
    StockLevel none = new StockLevel("A", "n-1", 90, 0, 90, "other", null);
    var plan = Allocation.plan(List.of(new ValidOrder.Line("A", 4)), Map.of("A", List.of(none, big, cheap, own)), null);
    assertEquals(List.of(new Reservation("A", "shop-1", 2), new Reservation("A", "c-1", 2)), plan.reservations());
    // the pickup warehouse still comes first, even a supplier's
    var pickup = Allocation.plan(List.of(new ValidOrder.Line("A", 4)), Map.of("A", List.of(none, big, cheap, own)),
        "n-1");
    assertEquals(List.of(new Reservation("A", "n-1", 4)), pickup.reservations());
    // equal priority: the fuller warehouse
    StockLevel same = new StockLevel("A", "s-1", 9, 0, 9, "volga2", 1);
    var byStock = Allocation.plan(List.of(new ValidOrder.Line("A", 1)), Map.of("A", List.of(cheap, same, big)), null);
    assertEquals(List.of(new Reservation("A", "s-1", 1)), byStock.reservations());
  }

  @Test
  void splitsALineOverTwoWarehousesAtMost() {
    var plan = Allocation.plan(List.of(new ValidOrder.Line("A", 7)),
        Map.of("A", List.of(level("A", "msk-1", 5), level("A", "spb-1", 4))), "msk-1");
    assertEquals(List.of(new Reservation("A", "msk-1", 5), new Reservation("A", "spb-1", 2)), plan.reservations());
    var three = Allocation.plan(List.of(new ValidOrder.Line("A", 6)),
        Map.of("A", List.of(level("A", "a", 2), level("A", "b", 2), level("A", "c", 2))), null);
    assertEquals(List.of(new Allocation.Shortage(0, "A", 6, 6)), three.shortages());
  }

  @Test
  void listsEveryLineTheStockCannotCover() {
    var plan = Allocation.plan(List.of(new ValidOrder.Line("A", 1), new ValidOrder.Line("B", 2),
        new ValidOrder.Line("C", 1)), Map.of("A", List.of(level("A", "w", 1)), "B", List.of(level("B", "w", 1))), null);
    assertEquals(List.of(new Allocation.Shortage(1, "B", 2, 1), new Allocation.Shortage(2, "C", 1, 0)), plan.shortages());
    assertTrue(!plan.covered());
  }
}
