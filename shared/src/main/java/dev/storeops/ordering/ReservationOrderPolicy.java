package dev.storeops.ordering;

import dev.storeops.catalog.StockLevel;
import java.util.Comparator;

/**
 * Which warehouse an order line reserves from first when several hold the SKU (several suppliers
 * for one SKU): the pickup (preferred) warehouse; then the shop's own stock (no supplier); then
 * supplier stock by the priority stored on the stock item (lower first; none = after every prioritised
 * supplier) — the supplier's {@code priority}, or the profile's per-SKU override {@code skuPriority}
 * for that SKU (stock-import {@code SupplierProfile.priorityOf}); then the warehouse with the most
 * available; ties by warehouse id.
 */
public final class ReservationOrderPolicy {
  private ReservationOrderPolicy() {}

  public static Comparator<StockLevel> order(String preferredWarehouse) {
    return Comparator.<StockLevel>comparingInt(s -> s.warehouse().equals(preferredWarehouse) ? 0 : 1)
        .thenComparingInt(s -> s.supplierId() == null ? 0 : 1)
        .thenComparingInt(s -> s.priority() == null ? Integer.MAX_VALUE : s.priority())
        .thenComparing(Comparator.comparingLong(StockLevel::available).reversed())
        .thenComparing(StockLevel::warehouse);
  }
}
