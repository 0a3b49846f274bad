package dev.storeops.ordering;

import dev.storeops.catalog.StockLevel;
import dev.storeops.catalog.Reservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans which warehouses reserve each line, in the order of {@link ReservationOrderPolicy} (the pickup
 * warehouse, the shop's own stock, suppliers by priority, the most available); at most {@link
 * OrderLimits#MAX_WAREHOUSES_PER_LINE} warehouses per line, so the order fits one transaction.
 */
public final class Allocation {
  private Allocation() {}

  /** A line the stock cannot cover. */
  public record Shortage(int line, String sku, int requested, long available) {}

  public record Plan(List<Reservation> reservations, List<Shortage> shortages) {
    public boolean covered() {
      return shortages.isEmpty();
    }
  }

  public static Plan plan(List<ValidOrder.Line> lines, Map<String, List<StockLevel>> stockBySku, String preferredWarehouse) {
    List<Reservation> reservations = new ArrayList<>();
    List<Shortage> shortages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ValidOrder.Line line = lines.get(i);
      List<StockLevel> levels = new ArrayList<>(stockBySku.getOrDefault(line.sku(), List.of()));
      levels.removeIf(s -> s.available() <= 0);
      levels.sort(ReservationOrderPolicy.order(preferredWarehouse));
      long total = levels.stream().mapToLong(StockLevel::available).sum();
      List<Reservation> lineReservations = new ArrayList<>();
      int left = line.qty();
      for (StockLevel level : levels) {
        if (left == 0 || lineReservations.size() == OrderLimits.MAX_WAREHOUSES_PER_LINE) {
          break;
        }
        int take = (int) Math.min(left, level.available());
        lineReservations.add(new Reservation(line.sku(), level.warehouse(), take));
        left -= take;
      }
      if (left > 0) {
        shortages.add(new Shortage(i, line.sku(), line.qty(), total));
      } else {
        reservations.addAll(lineReservations);
      }
    }
    return new Plan(reservations, shortages);
  }
}
